#include "lib/engine.hpp"

#include "lib/engine_actions.hpp"
#include "lib/engine_summary.hpp"
#include "lib/engine_window.hpp"
#include "lib/mapping_apply.hpp"
#include "lib/mapping_model.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/task_arena.h>

#include <chrono>
#include <functional>
#include <memory>

namespace tlatv::engine {

namespace {

CheckedWindow check_guarded(WindowChecker& checker, const lib::Window& window,
                            const lib::SpecWindow& mapped) {
    try {
        return checker.check(window, mapped);
    } catch (const std::exception& error) {
        // Anything the checker did not expect stays this window's error.
        CheckedWindow out;
        out.verdict.index = window.index;
        out.verdict.id = window.id;
        out.verdict.event = window.action;
        out.verdict.action = window.action;
        out.verdict.expect = window.expect;
        out.verdict.verdict = eval::Verdict::Error;
        out.verdict.error = Diagnostic{window.file,
                                       static_cast<std::uint32_t>(window.line),
                                       0,
                                       fmt::format("internal error: {}", error.what()),
                                       {}};
        return out;
    }
}

// The windows of one validation: the lines of a windows file, decoded by the workers (each line
// is a window), or windows made one at a time on the calling thread (stream windows span lines).
struct WindowInput {
    lib::WindowReader* lines = nullptr;
    std::function<std::optional<lib::Window>()> next; // when `lines` is null
};

ValidationResult validate(const Model& given_model, const WindowInput& input,
                          const lib::Mapping* mapping_given, const ValidateOptions& options);

} // namespace

unsigned effective_threads(unsigned threads) {
    if (threads > 0) return threads;
    const int n = tbb::info::default_concurrency();
    return n > 0 ? static_cast<unsigned>(n) : 1u;
}

std::string_view to_string(eval::Verdict verdict) {
    switch (verdict) {
    case eval::Verdict::Pass:
        return "pass";
    case eval::Verdict::Fail:
        return "fail";
    case eval::Verdict::Error:
        return "error";
    }
    return "error";
}

ValidationResult validate_windows(const Model& model, const std::string& windows_file,
                                  const lib::Mapping* mapping, const ValidateOptions& options) {
    lib::WindowReader reader(windows_file, options.reader);
    WindowInput input;
    if (reader.lines_are_windows())
        input.lines = &reader;
    else
        input.next = [&reader] { return reader.next(); };
    ValidationResult result = validate(model, input, mapping, options);
    if (!result.ok()) return result;
    if (reader.error()) {
        ValidationResult failed;
        failed.input_errors.push_back(*reader.error());
        return failed;
    }
    result.summary.json_warnings += reader.warnings();
    return result;
}

ValidationResult validate_window_stream(const Model& model, const WindowSource& next_window,
                                        const lib::Mapping* mapping,
                                        const ValidateOptions& options) {
    WindowInput input;
    input.next = next_window;
    return validate(model, input, mapping, options);
}

namespace {

ValidationResult validate(const Model& given_model, const WindowInput& input,
                          const lib::Mapping* mapping_given, const ValidateOptions& options) {
    const auto started = std::chrono::steady_clock::now();
    ValidationResult result;

    // A mapping's constants and TLA+ extend the model (lib/mapping_model.hpp).
    std::optional<lib::MappingModel> mapped;
    if (mapping_given != nullptr) {
        mapped = lib::compile_mapping(given_model, *mapping_given);
        result.input_errors = mapped->errors;
    }
    const Model& model = mapped ? mapped->model_or(given_model) : given_model;
    const lib::Mapping* mapping = mapped ? &mapped->mapping : nullptr;
    CheckSettings settings;
    settings.options = &options;
    for (const std::string& name : options.invariants) {
        auto index = model.spec->find_definition(name);
        if (!index || model.spec->definition(*index).arity() != 0)
            result.input_errors.push_back(Diagnostic{
                {},
                0,
                0,
                fmt::format("invariant {} is not a definition without arguments of module {}", name,
                            model.spec->root_module()),
                {}});
        else
            settings.invariants.push_back(*index);
    }
    if (!result.ok()) return result;

    const ActionCatalog catalog(model, next_relation_name(model));
    const SourceCache sources;
    settings.catalog = &catalog;
    settings.sources = &sources;
    std::optional<lib::MappingApplier> applier;
    if (mapping) applier.emplace(*mapping, lib::mapping_evaluator(model.spec));

    const unsigned threads = effective_threads(options.threads);
    tbb::task_arena arena(static_cast<int>(threads));
    tbb::enumerable_thread_specific<std::unique_ptr<WindowChecker>> checkers;
    SummaryBuilder summary(options);

    // Lines are decoded by the workers, each with its own decoder.
    const bool decode_in_workers = input.lines != nullptr;
    tbb::enumerable_thread_specific<std::unique_ptr<lib::WindowLineDecoder>> decoders;
    const std::size_t batch_size = std::max<std::size_t>(options.batch_size, 1);
    lib::WindowLines lines;
    std::vector<lib::Window> windows; // from input.next
    std::vector<CheckedWindow> checked;
    Progress progress;
    for (;;) {
        std::size_t count = 0;
        if (decode_in_workers) {
            input.lines->read_lines(lines, batch_size);
            count = lines.size();
        } else {
            windows.clear();
            while (windows.size() < batch_size) {
                auto window = input.next();
                if (!window) break;
                windows.push_back(std::move(*window));
            }
            count = windows.size();
        }
        if (count == 0) break;
        // The slots of the previous batch are overwritten by the workers, which so free what
        // they held in parallel rather than here.
        checked.resize(count);
        arena.execute([&] {
            tbb::parallel_for(
                tbb::blocked_range<std::size_t>(0, count, 1),
                [&](const tbb::blocked_range<std::size_t>& range) {
                    auto& checker = checkers.local();
                    if (!checker) checker = std::make_unique<WindowChecker>(model.spec, settings);
                    auto& decoder = decoders.local();
                    if (decode_in_workers && !decoder) decoder = input.lines->line_decoder();
                    for (std::size_t i = range.begin(); i != range.end(); ++i) {
                        const lib::Window window =
                            decode_in_workers ? decoder->decode(lines[i]) : std::move(windows[i]);
                        const lib::SpecWindow mapped =
                            applier ? applier->apply(window) : lib::identity_mapping(window);
                        checked[i] = check_guarded(*checker, window, mapped);
                    }
                });
        });
        for (const CheckedWindow& c : checked) {
            summary.add(c);
            if (options.on_verdict) options.on_verdict(c.verdict);
        }
        progress.done += checked.size();
        if (options.progress) options.progress(progress);
    }
    result.summary = summary.finish();
    for (const auto& decoder : decoders)
        if (decoder) result.summary.json_warnings += decoder->warnings();
    result.summary.invariants = options.invariants;
    result.summary.threads = threads;
    result.summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace

} // namespace tlatv::engine
