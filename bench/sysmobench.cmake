# SysMoBench's TV modules run natively: all 629 windows, and each module, with 1 and 2 threads.
add_executable(tlatv_sysmobench_bench ${CMAKE_CURRENT_LIST_DIR}/sysmobench_bench.cpp)
target_link_libraries(tlatv_sysmobench_bench PRIVATE tlatv tlatv_internal benchmark::benchmark_main)
target_compile_definitions(tlatv_sysmobench_bench PRIVATE
    TLATV_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
