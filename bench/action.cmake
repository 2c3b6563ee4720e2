# Actions: checking one window and enumerating successors on models of the state-graph oracle.
add_executable(tlatv_action_bench ${CMAKE_CURRENT_LIST_DIR}/action_bench.cpp)
target_link_libraries(tlatv_action_bench PRIVATE tlatv tlatv_internal benchmark::benchmark_main)
target_compile_definitions(tlatv_action_bench PRIVATE
    TLATV_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
