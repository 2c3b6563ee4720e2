# The library never prints and never ends the process: only the CLI may. Scans the library's
# sources (parser/, evaluator/, lib/, include/) for output streams, printf-style calls and
# abort/exit, as simdjson's avoid_cout/avoid_abort checks do.
set(forbidden "std::cout|std::cerr|std::clog|[^a-z_:]printf\\(|fmt::print\\(|[^a-z_]puts\\(|std::abort|[^a-z_.>]abort\\(|std::exit|[^a-z_.>]exit\\(|std::terminate")
set(found "")
foreach(dir parser evaluator lib include)
    file(GLOB_RECURSE sources ${SOURCE_DIR}/${dir}/*.cpp ${SOURCE_DIR}/${dir}/*.hpp
         ${SOURCE_DIR}/${dir}/*.h)
    foreach(source IN LISTS sources)
        file(STRINGS ${source} lines REGEX "${forbidden}")
        foreach(line IN LISTS lines)
            string(STRIP "${line}" line)
            if(NOT line MATCHES "^//")
                string(APPEND found "\n  ${source}: ${line}")
            endif()
        endforeach()
    endforeach()
endforeach()
if(found)
    message(FATAL_ERROR "the library prints or ends the process:${found}")
endif()
message(STATUS "no output or process exit in the library's sources")
