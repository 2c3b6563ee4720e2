# A spec's modules compiled with a TLC configuration: where every job starts.
# A mapping file's constants and TLA+ compiled with the model (lib/mapping_model.hpp).
add_library(tlatv_model OBJECT ${CMAKE_CURRENT_LIST_DIR}/model.cpp
                               ${CMAKE_CURRENT_LIST_DIR}/mapping_model.cpp)
tlatv_component(tlatv_model)
