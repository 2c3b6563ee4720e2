# The value model (value*.cpp) and the natively implemented standard-module operators
# (builtins*.cpp, builtins/).
add_library(tlatv_values OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/value.cpp
    ${CMAKE_CURRENT_LIST_DIR}/value_set.cpp
    ${CMAKE_CURRENT_LIST_DIR}/value_order.cpp
    ${CMAKE_CURRENT_LIST_DIR}/value_print.cpp)
tlatv_component(tlatv_values)
