# The TLC model configuration (.cfg) parser.
add_library(tlatv_cfg OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/cfg_grammar.cpp
    ${CMAKE_CURRENT_LIST_DIR}/cfg_parse.cpp)
tlatv_component(tlatv_cfg)
