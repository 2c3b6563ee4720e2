# Parse time of real specs: the 19,448-line PGo-generated raftkvs.tla and etcd's etcdraft.tla.
if(NOT DEFINED TLATV_SHARED_DIR)
    set(TLATV_SHARED_DIR "${PROJECT_SOURCE_DIR}/../shared" CACHE PATH "The shared test corpus")
endif()
add_executable(tlatv_parse_bench ${CMAKE_CURRENT_LIST_DIR}/parse_bench.cpp)
target_link_libraries(tlatv_parse_bench PRIVATE tlatv_parser tlatv_common tlatv_internal
                                                benchmark::benchmark)
target_compile_definitions(tlatv_parse_bench PRIVATE TLATV_SHARED_DIR="${TLATV_SHARED_DIR}")
