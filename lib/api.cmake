# The public C++ and C APIs (include/tlatv/) over the internals.
add_library(tlatv_api OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/api.cpp
    ${CMAKE_CURRENT_LIST_DIR}/api_report.cpp
    ${CMAKE_CURRENT_LIST_DIR}/api_spec_text.cpp
    ${CMAKE_CURRENT_LIST_DIR}/api_value.cpp
    ${CMAKE_CURRENT_LIST_DIR}/action_select.cpp
    ${CMAKE_CURRENT_LIST_DIR}/c_api.cpp)
tlatv_component(tlatv_api)
