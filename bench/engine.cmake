# Validation throughput: windows per second through the engine, with 1 and 2 threads.
add_executable(tlatv_engine_bench ${CMAKE_CURRENT_LIST_DIR}/engine_bench.cpp)
target_link_libraries(tlatv_engine_bench PRIVATE tlatv tlatv_internal benchmark::benchmark_main)
target_compile_definitions(tlatv_engine_bench PRIVATE
    TLATV_EXAMPLES_DIR="${PROJECT_SOURCE_DIR}/examples"
    TLATV_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    TLATV_ENGINE_TEST_DIR="${PROJECT_SOURCE_DIR}/test/engine")
