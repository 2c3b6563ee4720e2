// Windows per second read from real SysMoBench files, and simdjson parsing the same bytes.
//
// BM_ReadWindows: tlatv's reader on the file (reading, line splitting, On-Demand parse, conversion
// to TLA+ values). BM_SimdjsonOndemand: On-Demand visiting every value of every line, building
// nothing: the same simdjson kernel tlatv's reader is compiled with. BM_SimdjsonDom: the DOM parser
// with runtime CPU dispatch, parse_many over the whole buffer: the ceiling.
#include "lib/window_reader.hpp"

#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <fstream>
#include <sstream>
#include <string>

namespace {

const std::string corpus = std::string(TLATV_SHARED_DIR) + "/corpus/windows/sysmobench/";

const char* const files[] = {
    "spin/ai_spec_1/windows_AcquireLock.ndjson",         // 210 small windows (the engine's)
    "etcd/ai_spec_1/windows_HandleAppendEntries.ndjson", // 154 windows with messages
    "spin/action_windows.jsonl",                         // 543 windows keyed by node
};

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void set_counters(benchmark::State& state, std::size_t windows, std::size_t bytes) {
    state.counters["windows/s"] = benchmark::Counter(
        static_cast<double>(windows * state.iterations()), benchmark::Counter::kIsRate);
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes * state.iterations()));
}

void BM_ReadWindows(benchmark::State& state) {
    const std::string path = corpus + files[state.range(0)];
    const std::string text = slurp(path);
    std::size_t windows = 0;
    for (auto _ : state) {
        tlatv::lib::WindowReader reader(path, {});
        windows = 0;
        while (auto window = reader.next()) {
            benchmark::DoNotOptimize(window->pre.size());
            ++windows;
        }
    }
    state.SetLabel(files[state.range(0)]);
    set_counters(state, windows, text.size());
}
BENCHMARK(BM_ReadWindows)->DenseRange(0, 2);

// Visits every scalar, as a conversion would, without building values.
std::size_t visit(simdjson::ondemand::value value) {
    switch (value.type().value_unsafe()) {
    case simdjson::ondemand::json_type::object: {
        std::size_t n = 0;
        for (auto field : value.get_object().value_unsafe())
            n += visit(field.value().value_unsafe());
        return n;
    }
    case simdjson::ondemand::json_type::array: {
        std::size_t n = 0;
        for (auto element : value.get_array().value_unsafe())
            n += visit(element.value_unsafe());
        return n;
    }
    case simdjson::ondemand::json_type::string:
        return value.get_string().value_unsafe().size();
    default:
        return value.raw_json_token().size();
    }
}

void BM_SimdjsonOndemand(benchmark::State& state) {
    const std::string text = slurp(corpus + files[state.range(0)]);
    const simdjson::padded_string padded(text);
    simdjson::ondemand::parser parser;
    std::size_t windows = 0;
    for (auto _ : state) {
        windows = 0;
        std::size_t begin = 0;
        while (begin < text.size()) {
            std::size_t end = text.find('\n', begin);
            if (end == std::string::npos) end = text.size();
            if (end > begin) {
                auto document = parser.iterate(padded.data() + begin, end - begin,
                                               padded.size() + simdjson::SIMDJSON_PADDING - begin);
                benchmark::DoNotOptimize(visit(document.get_value().value_unsafe()));
                ++windows;
            }
            begin = end + 1;
        }
    }
    state.SetLabel(files[state.range(0)]);
    set_counters(state, windows, text.size());
}
BENCHMARK(BM_SimdjsonOndemand)->DenseRange(0, 2);

void BM_SimdjsonDom(benchmark::State& state) {
    const std::string text = slurp(corpus + files[state.range(0)]);
    const simdjson::padded_string padded(text);
    simdjson::dom::parser parser;
    std::size_t windows = 0;
    for (auto _ : state) {
        windows = 0;
        for (auto document : parser.parse_many(padded)) {
            benchmark::DoNotOptimize(document.error());
            ++windows;
        }
    }
    state.SetLabel(std::string(files[state.range(0)]) + " (" +
                   simdjson::get_active_implementation()->name() + ")");
    set_counters(state, windows, text.size());
}
BENCHMARK(BM_SimdjsonDom)->DenseRange(0, 2);

} // namespace
