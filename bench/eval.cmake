# Evaluator benchmarks: record update, set filter, function application, a recursive operator.
add_executable(tlatv_eval_bench ${CMAKE_CURRENT_LIST_DIR}/eval_bench.cpp)
target_link_libraries(tlatv_eval_bench PRIVATE tlatv_eval tlatv_values tlatv_parser tlatv_common
                                               tlatv_internal benchmark::benchmark_main)
