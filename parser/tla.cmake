# The TLA+ front end: lexical grammar (Spirit X3), phrase parser, AST printer.
add_library(tlatv_parser OBJECT
    ${CMAKE_CURRENT_SOURCE_DIR}/ast_printer.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/operators.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/parse.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/tla_grammar.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/tla_lexer.cpp
    ${CMAKE_CURRENT_SOURCE_DIR}/tla_parser.cpp)
tlatv_component(tlatv_parser)
