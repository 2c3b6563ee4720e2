# tlatv validate with its bound flags (--max-depth, --max-states, --timeout-ms): the window that
# recurses too deep is an error the report shows with its line and the bound; the others pass.
file(MAKE_DIRECTORY ${WORK_DIR})
file(WRITE ${WORK_DIR}/Deep.tla [=[---- MODULE Deep ----
EXTENDS Naturals
VARIABLE x
RECURSIVE Depth(_)
Depth(n) == IF n = 0 THEN 0 ELSE 1 + Depth(n - 1)
Init == x = 0
Deep(n) == x' = Depth(n)
Next == \E n \in 0..3 : Deep(n)
====
]=])
file(WRITE ${WORK_DIR}/w.ndjson [=[{"action": "Deep", "args": [10], "pre": {"x": 0}, "post": {"x": 10}}
{"action": "Deep", "args": [1000], "pre": {"x": 0}, "post": {"x": 1000}}
{"action": "Deep", "args": [3], "pre": {"x": 0}, "post": {"x": 3}}
]=])

execute_process(COMMAND ${TLATV} validate ${WORK_DIR}/Deep.tla --windows ${WORK_DIR}/w.ndjson
                        --max-depth 50 --max-states 100 --timeout-ms 5000
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 1)
    message(FATAL_ERROR "exit ${code}, expected 1 (a window in error)\n${out}${err}")
endif()
foreach(expected "Deep +3 +2 +0 +1" "window 2:" "more than 50 nested calls")
    if(NOT out MATCHES "${expected}")
        message(FATAL_ERROR "the report lacks '${expected}':\n${out}${err}")
    endif()
endforeach()

execute_process(COMMAND ${TLATV} validate ${WORK_DIR}/Deep.tla --windows ${WORK_DIR}/w.ndjson
                        --max-depth lots
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 2 OR NOT err MATCHES "--max-depth needs a non-negative integer")
    message(FATAL_ERROR "a bad bound should be a usage error (exit 2), got ${code}:\n${err}")
endif()
