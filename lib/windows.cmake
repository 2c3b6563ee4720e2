# Windows: JSON <-> TLA+ values, NDJSON window files (streamed) and mapping files.
add_library(tlatv_windows OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/json_value.cpp
    ${CMAKE_CURRENT_LIST_DIR}/mapping.cpp
    ${CMAKE_CURRENT_LIST_DIR}/mapping_apply.cpp
    ${CMAKE_CURRENT_LIST_DIR}/mapping_path.cpp
    ${CMAKE_CURRENT_LIST_DIR}/window.cpp
    ${CMAKE_CURRENT_LIST_DIR}/window_cut.cpp
    ${CMAKE_CURRENT_LIST_DIR}/window_format.cpp
    ${CMAKE_CURRENT_LIST_DIR}/window_line_reader.cpp
    ${CMAKE_CURRENT_LIST_DIR}/window_reader.cpp)
tlatv_component(tlatv_windows)
