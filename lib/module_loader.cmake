# Finding and parsing the modules of a spec; the list of built-in standard modules.
add_library(tlatv_modules OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/module_loader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/standard_modules.cpp)
tlatv_component(tlatv_modules)
