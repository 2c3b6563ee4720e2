# Window reading throughput on real SysMoBench files, against simdjson's own parse (the ceiling).
if(NOT DEFINED TLATV_SHARED_DIR)
    set(TLATV_SHARED_DIR "${PROJECT_SOURCE_DIR}/../shared" CACHE PATH "The shared test corpus")
endif()
add_executable(tlatv_windows_bench ${CMAKE_CURRENT_LIST_DIR}/windows_bench.cpp)
target_link_libraries(tlatv_windows_bench PRIVATE tlatv_windows tlatv_values tlatv_common
                                                  tlatv_internal benchmark::benchmark_main)
target_compile_definitions(tlatv_windows_bench PRIVATE TLATV_SHARED_DIR="${TLATV_SHARED_DIR}")
