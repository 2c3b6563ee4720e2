# Name resolution (AST -> IR), the compiled spec and the evaluator.
add_library(tlatv_eval OBJECT
    ${CMAKE_CURRENT_LIST_DIR}/resolve.cpp
    ${CMAKE_CURRENT_LIST_DIR}/stdlib_modules.cpp
    ${CMAKE_CURRENT_LIST_DIR}/spec.cpp
    ${CMAKE_CURRENT_LIST_DIR}/eval.cpp
    ${CMAKE_CURRENT_LIST_DIR}/eval_ops.cpp
    ${CMAKE_CURRENT_LIST_DIR}/eval_json.cpp
    ${CMAKE_CURRENT_LIST_DIR}/eval_expression.cpp
    ${CMAKE_CURRENT_LIST_DIR}/action.cpp
    ${CMAKE_CURRENT_LIST_DIR}/action_check.cpp
    ${CMAKE_CURRENT_LIST_DIR}/action_state.cpp)
tlatv_component(tlatv_eval)
