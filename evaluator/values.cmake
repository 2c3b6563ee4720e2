# The value model (value*.cpp) and the natively implemented standard-module operators
# (builtins*.cpp, builtins/).
add_library(tlatv_values OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/value.cpp
    ${CMAKE_CURRENT_LIST_DIR}/value_set.cpp
    ${CMAKE_CURRENT_LIST_DIR}/value_order.cpp
    ${CMAKE_CURRENT_LIST_DIR}/value_print.cpp
    ${CMAKE_CURRENT_LIST_DIR}/value_parse.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/support.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/language.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/integers.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/sequences.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/finitesets.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/tlc.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/bags.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/folds.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/functions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/finitesetsext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/sequencesext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/json.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/bitwise.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/csv.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/randomization.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/statistics.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/svg.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/vectorclocks.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/reals.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/relation.cpp
    ${CMAKE_CURRENT_LIST_DIR}/builtins/graphs.cpp)
tlatv_component(tlatv_values)
