# Peak memory of validating a generated file of N windows (one process per size).
add_executable(tlatv_memory_bench ${CMAKE_CURRENT_LIST_DIR}/memory_bench.cpp)
target_link_libraries(tlatv_memory_bench PRIVATE tlatv tlatv_internal)
target_compile_definitions(tlatv_memory_bench PRIVATE
    TLATV_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    TLATV_ENGINE_TEST_DIR="${PROJECT_SOURCE_DIR}/test/engine")
