# Whole-trace validation: TLC's breadth-first search over a trace spec, in parallel per level.
add_library(tlatv_trace OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/trace.cpp
    ${CMAKE_CURRENT_LIST_DIR}/trace_acceptance.cpp
    ${CMAKE_CURRENT_LIST_DIR}/trace_diagnosis.cpp)
tlatv_component(tlatv_trace)
