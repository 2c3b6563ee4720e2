# The validation engine (windows against a spec, per action, in parallel), its reports, and the
# runner of SysMoBench's TV modules.
add_library(tlatv_engine OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/engine.cpp
    ${CMAKE_CURRENT_LIST_DIR}/engine_actions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/engine_summary.cpp
    ${CMAKE_CURRENT_LIST_DIR}/engine_window.cpp
    ${CMAKE_CURRENT_LIST_DIR}/report.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sysmobench.cpp)
tlatv_component(tlatv_engine)
