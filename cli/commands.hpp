// The subcommands of the tlatv command. Each reads its own options from argv[2..] and returns
// the process exit code: 0 success, 1 a negative verdict or failed check, 2 usage or input errors.
#pragma once

namespace tlatv::cli {

int run_parse(int argc, char** argv);
int run_eval(int argc, char** argv);
int run_successors(int argc, char** argv);
int run_check(int argc, char** argv);
int run_validate(int argc, char** argv);
int run_sysmobench(int argc, char** argv);
int run_trace(int argc, char** argv);

} // namespace tlatv::cli
