# Benchmarks of the value model: record update, set union, function application, set building.
add_executable(tlatv_values_bench ${CMAKE_CURRENT_LIST_DIR}/values_bench.cpp)
target_link_libraries(tlatv_values_bench PRIVATE tlatv_values tlatv_common tlatv_internal
                                                 benchmark::benchmark_main)
