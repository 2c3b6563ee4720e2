# A spec's modules compiled with a TLC configuration: where every job starts.
add_library(tlatv_model OBJECT ${CMAKE_CURRENT_LIST_DIR}/model.cpp)
tlatv_component(tlatv_model)
