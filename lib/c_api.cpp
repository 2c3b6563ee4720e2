// The C API (include/tlatv/tlatv.h) over the C++ API. Nothing may throw past these functions.
#include "tlatv/tlatv.h"

#include "tlatv/spec.hpp"
#include "tlatv/version.hpp"

#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

// The message of the most recent failure on a handle. Readers may call from any thread.
class LastError {
public:
    void set(const std::string& message) const {
        std::lock_guard lock(mutex_);
        text_ = message;
    }
    const char* get() const {
        std::lock_guard lock(mutex_);
        return text_.c_str();
    }

private:
    mutable std::mutex mutex_;
    mutable std::string text_;
};

} // namespace

struct tlatv_spec {
    tlatv::Spec spec;
    LastError last_error;
};

struct tlatv_window {
    tlatv::Window window;
    LastError last_error;
};

struct tlatv_window_verdict {
    explicit tlatv_window_verdict(tlatv::WindowVerdict v)
        : verdict(std::move(v)) {}
    tlatv_window_verdict(const tlatv::WindowVerdict& v, std::nullptr_t)
        : verdict(v) {}
    tlatv::WindowVerdict verdict;
    LastError last_error;
};

struct tlatv_report {
    tlatv::ValidationReport report;
    // The example verdicts of each action, as handles the caller can read.
    std::vector<std::vector<std::unique_ptr<tlatv_window_verdict>>> examples;
    LastError last_error;
};

namespace {

char* copy_string(const std::string& s) {
    char* out = static_cast<char*>(std::malloc(s.size() + 1));
    if (out) std::memcpy(out, s.c_str(), s.size() + 1);
    return out;
}

void set_out(char** out, const std::string& s) {
    if (out) *out = copy_string(s);
}

// Records the failure on the handle (when there is one) and in *error (when asked for).
template <typename Handle>
tlatv_status fail(const Handle* handle, char** error, tlatv_status status,
                  const std::string& message) {
    if (handle) handle->last_error.set(message);
    set_out(error, message);
    return status;
}

tlatv_status fail(std::nullptr_t, char** error, tlatv_status status, const std::string& message) {
    set_out(error, message);
    return status;
}

// Runs `body`; whatever it throws is a failure of the call, recorded on `handle` (a handle
// pointer or nullptr).
template <typename Handle, typename Body>
tlatv_status guarded(Handle handle, char** error, Body&& body) {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        return fail(handle, error, TLATV_ERROR_INTERNAL, "out of memory");
    } catch (const std::exception& e) {
        return fail(handle, error, TLATV_ERROR_INTERNAL, e.what());
    } catch (...) {
        return fail(handle, error, TLATV_ERROR_INTERNAL, "unknown internal error");
    }
}

tlatv::Value c_value(tlatv_value_format format, const char* text) {
    return format == TLATV_FORMAT_JSON ? tlatv::Value::json(text) : tlatv::Value::tla(text);
}

tlatv_verdict c_verdict(tlatv::Verdict verdict) {
    switch (verdict) {
    case tlatv::Verdict::Pass:
        return TLATV_PASS;
    case tlatv::Verdict::Fail:
        return TLATV_FAIL;
    case tlatv::Verdict::Error:
        break;
    }
    return TLATV_VERDICT_ERROR;
}

tlatv_failure_kind c_failure(tlatv::FailureKind kind) {
    switch (kind) {
    case tlatv::FailureKind::Rejected:
        return TLATV_FAILURE_REJECTED;
    case tlatv::FailureKind::AcceptedImpossible:
        return TLATV_FAILURE_ACCEPTED_IMPOSSIBLE;
    case tlatv::FailureKind::None:
        break;
    }
    return TLATV_FAILURE_NONE;
}

tlatv_expectation c_expectation(tlatv::Expectation expect) {
    switch (expect) {
    case tlatv::Expectation::Pass:
        return TLATV_EXPECT_PASS;
    case tlatv::Expectation::Fail:
        return TLATV_EXPECT_FAIL;
    case tlatv::Expectation::Unspecified:
        break;
    }
    return TLATV_EXPECT_UNSPECIFIED;
}

tlatv::ValidateOptions cpp_options(const tlatv_validate_options* options) {
    tlatv::ValidateOptions out;
    if (!options) return out;
    if (options->mapping_file) out.mapping_file = options->mapping_file;
    out.threads = options->threads;
    if (options->batch_size > 0) out.batch_size = options->batch_size;
    for (size_t i = 0; i < options->invariant_count; ++i)
        if (options->invariants && options->invariants[i])
            out.invariants.emplace_back(options->invariants[i]);
    return out;
}

// The caller's callback behind the C++ one: each verdict is lent to it in a handle.
tlatv::VerdictCallback cpp_callback(tlatv_verdict_callback on_verdict, void* context) {
    if (!on_verdict) return {};
    return [on_verdict, context](const tlatv::WindowVerdict& verdict) {
        const tlatv_window_verdict lent(verdict, nullptr);
        on_verdict(context, &lent);
    };
}

tlatv_report* new_report(tlatv::ValidationReport report) {
    auto out = std::make_unique<tlatv_report>();
    for (const auto& action : report.actions) {
        auto& examples = out->examples.emplace_back();
        for (const auto& example : action.examples)
            examples.push_back(std::make_unique<tlatv_window_verdict>(example));
    }
    out->report = std::move(report);
    return out.release();
}

const tlatv::ActionReport* action_at(const tlatv_report* report, size_t i) {
    if (i >= report->report.actions.size()) {
        report->last_error.set("no action at this index");
        return nullptr;
    }
    return &report->report.actions[i];
}

tlatv_location c_location(const tlatv::Diagnostic& d) {
    return {d.file.c_str(), d.line, d.column, d.message.c_str(), d.source_line.c_str()};
}

} // namespace

extern "C" {

const char* tlatv_version(void) {
    return tlatv::version_string;
}

void tlatv_string_free(char* s) {
    std::free(s);
}

void tlatv_strings_free(char** strings, size_t count) {
    if (!strings) return;
    for (size_t i = 0; i < count; ++i)
        std::free(strings[i]);
    std::free(strings);
}

tlatv_status tlatv_spec_load(const char* spec_file, const char* config_file, tlatv_spec** out,
                             char** error) {
    if (out) *out = nullptr;
    if (error) *error = nullptr;
    if (!spec_file || !out)
        return fail(nullptr, error, TLATV_ERROR_ARGUMENT, "spec_file and out are required");
    return guarded(nullptr, error, [&] {
        tlatv::SpecOptions options;
        if (config_file) options.config_file = config_file;
        auto loaded = tlatv::Spec::load(spec_file, options);
        if (!loaded) return fail(nullptr, error, TLATV_ERROR_INPUT, loaded.error_text());
        *out = new tlatv_spec{std::move(loaded).value(), {}};
        return TLATV_OK;
    });
}

void tlatv_spec_free(tlatv_spec* spec) {
    delete spec;
}

const char* tlatv_spec_last_error(const tlatv_spec* spec) {
    return spec ? spec->last_error.get() : "";
}

tlatv_status tlatv_spec_evaluate(const tlatv_spec* spec, const char* name, char** value,
                                 char** error) {
    if (value) *value = nullptr;
    if (error) *error = nullptr;
    if (!spec || !name || !value)
        return fail(spec, error, TLATV_ERROR_ARGUMENT, "spec, name and value are required");
    return guarded(spec, error, [&] {
        auto result = spec->spec.evaluate(name);
        if (!result) return fail(spec, error, TLATV_ERROR_INPUT, result.error_text());
        *value = copy_string(result.value());
        return TLATV_OK;
    });
}

tlatv_status tlatv_spec_successors(const tlatv_spec* spec, const char* state, const char* action,
                                   char*** states, size_t* count, char** error) {
    if (states) *states = nullptr;
    if (count) *count = 0;
    if (error) *error = nullptr;
    if (!spec || !state || !states || !count)
        return fail(spec, error, TLATV_ERROR_ARGUMENT,
                    "spec, state, states and count are required");
    return guarded(spec, error, [&] {
        auto result = spec->spec.successors(state, action ? action : "Next");
        if (!result) return fail(spec, error, TLATV_ERROR_INPUT, result.error_text());
        const auto& texts = result.value();
        char** array = static_cast<char**>(std::calloc(texts.size() + 1, sizeof(char*)));
        if (!array) throw std::bad_alloc();
        for (size_t i = 0; i < texts.size(); ++i)
            array[i] = copy_string(texts[i]);
        *states = array;
        *count = texts.size();
        return TLATV_OK;
    });
}

tlatv_status tlatv_spec_check(const tlatv_spec* spec, const char* pre, const char* post,
                              const char* action, tlatv_verdict* verdict, char** explanation) {
    if (explanation) *explanation = nullptr;
    if (!spec || !pre || !post || !verdict)
        return fail(spec, explanation, TLATV_ERROR_ARGUMENT,
                    "spec, pre, post and verdict are required");
    return guarded(spec, explanation, [&] {
        auto outcome = spec->spec.check(pre, post, action ? action : "Next");
        switch (outcome.verdict) {
        case tlatv::Verdict::Pass:
            *verdict = TLATV_PASS;
            break;
        case tlatv::Verdict::Fail:
            *verdict = TLATV_FAIL;
            break;
        case tlatv::Verdict::Error:
            *verdict = TLATV_VERDICT_ERROR;
            break;
        }
        if (outcome.verdict != tlatv::Verdict::Pass) set_out(explanation, outcome.explanation);
        return TLATV_OK;
    });
}

tlatv_status tlatv_spec_validate(const tlatv_spec* spec, const char* windows_file,
                                 const char* mapping_file, unsigned threads,
                                 tlatv_validation_counts* counts, char** report_json,
                                 char** error) {
    if (report_json) *report_json = nullptr;
    if (error) *error = nullptr;
    if (!spec || !windows_file || !counts)
        return fail(spec, error, TLATV_ERROR_ARGUMENT,
                    "spec, windows_file and counts are required");
    return guarded(spec, error, [&] {
        tlatv::ValidateRequest request;
        request.windows_file = windows_file;
        if (mapping_file) request.mapping_file = mapping_file;
        request.threads = threads;
        auto result = spec->spec.validate(request);
        if (!result) return fail(spec, error, TLATV_ERROR_INPUT, result.error_text());
        const auto& report = result.value();
        *counts = {report.windows, report.passes, report.fails, report.errors};
        set_out(report_json, report.json);
        return TLATV_OK;
    });
}

tlatv_status tlatv_spec_load_text(const char* module_text, const char* config_text,
                                  const tlatv_module_text* modules, size_t module_count,
                                  const char* const* search_path, size_t search_path_count,
                                  tlatv_spec** out, char** error) {
    if (out) *out = nullptr;
    if (error) *error = nullptr;
    if (!module_text || !out || (module_count > 0 && !modules) ||
        (search_path_count > 0 && !search_path))
        return fail(nullptr, error, TLATV_ERROR_ARGUMENT,
                    "module_text and out are required, and the arrays their counts say");
    return guarded(nullptr, error, [&] {
        tlatv::SpecText text;
        text.module = module_text;
        if (config_text) text.config = config_text;
        for (size_t i = 0; i < module_count; ++i) {
            if (!modules[i].name || !modules[i].text)
                return fail(nullptr, error, TLATV_ERROR_ARGUMENT,
                            "every module needs a name and a text");
            text.modules[modules[i].name] = modules[i].text;
        }
        tlatv::SpecOptions options;
        for (size_t i = 0; i < search_path_count; ++i)
            if (search_path[i]) options.search_path.emplace_back(search_path[i]);
        auto loaded = tlatv::Spec::load_text(text, options);
        if (!loaded) return fail(nullptr, error, TLATV_ERROR_INPUT, loaded.error_text());
        *out = new tlatv_spec{std::move(loaded).value(), {}};
        return TLATV_OK;
    });
}

tlatv_status tlatv_window_new(const char* action, tlatv_window** out) {
    if (out) *out = nullptr;
    if (!action || !out) return TLATV_ERROR_ARGUMENT;
    return guarded(nullptr, nullptr, [&] {
        *out = new tlatv_window{};
        (*out)->window.action = action;
        return TLATV_OK;
    });
}

void tlatv_window_free(tlatv_window* window) {
    delete window;
}

const char* tlatv_window_last_error(const tlatv_window* window) {
    return window ? window->last_error.get() : "";
}

tlatv_status tlatv_window_add_state(tlatv_window* window, tlatv_state_side side,
                                    tlatv_value_format format, const char* text) {
    if (!window || !text)
        return fail(window, nullptr, TLATV_ERROR_ARGUMENT, "window and text are required");
    return guarded(window, nullptr, [&] {
        tlatv::State& state = side == TLATV_POST ? window->window.post : window->window.pre;
        if (format == TLATV_FORMAT_JSON)
            state.add_json(text);
        else
            state.add_tla(text);
        return TLATV_OK;
    });
}

tlatv_status tlatv_window_set_variable(tlatv_window* window, tlatv_state_side side,
                                       const char* variable, tlatv_value_format format,
                                       const char* value) {
    if (!window || !variable || !value)
        return fail(window, nullptr, TLATV_ERROR_ARGUMENT,
                    "window, variable and value are required");
    return guarded(window, nullptr, [&] {
        tlatv::State& state = side == TLATV_POST ? window->window.post : window->window.pre;
        state.set(variable, c_value(format, value));
        return TLATV_OK;
    });
}

tlatv_status tlatv_window_add_argument(tlatv_window* window, const char* name,
                                       tlatv_value_format format, const char* value) {
    if (!window || !value)
        return fail(window, nullptr, TLATV_ERROR_ARGUMENT, "window and value are required");
    return guarded(window, nullptr, [&] {
        window->window.arguments.push_back({name ? name : "", c_value(format, value)});
        return TLATV_OK;
    });
}

tlatv_status tlatv_window_set_id(tlatv_window* window, const char* id) {
    if (!window) return TLATV_ERROR_ARGUMENT;
    return guarded(window, nullptr, [&] {
        window->window.id = id ? id : "";
        return TLATV_OK;
    });
}

tlatv_status tlatv_window_set_expect(tlatv_window* window, tlatv_expectation expect) {
    if (!window) return TLATV_ERROR_ARGUMENT;
    switch (expect) {
    case TLATV_EXPECT_PASS:
        window->window.expect = tlatv::Expectation::Pass;
        return TLATV_OK;
    case TLATV_EXPECT_FAIL:
        window->window.expect = tlatv::Expectation::Fail;
        return TLATV_OK;
    case TLATV_EXPECT_UNSPECIFIED:
        window->window.expect = tlatv::Expectation::Unspecified;
        return TLATV_OK;
    }
    return fail(window, nullptr, TLATV_ERROR_ARGUMENT, "unknown expectation");
}

tlatv_status tlatv_window_set_actor(tlatv_window* window, tlatv_value_format format,
                                    const char* value) {
    if (!window || !value)
        return fail(window, nullptr, TLATV_ERROR_ARGUMENT, "window and value are required");
    return guarded(window, nullptr, [&] {
        window->window.actor = c_value(format, value);
        return TLATV_OK;
    });
}

tlatv_status tlatv_window_set_input(tlatv_window* window, tlatv_value_format format,
                                    const char* value) {
    if (!window || !value)
        return fail(window, nullptr, TLATV_ERROR_ARGUMENT, "window and value are required");
    return guarded(window, nullptr, [&] {
        window->window.input = c_value(format, value);
        return TLATV_OK;
    });
}

tlatv_status tlatv_spec_check_window(const tlatv_spec* spec, const tlatv_window* window,
                                     const tlatv_validate_options* options,
                                     tlatv_window_verdict** out, char** error) {
    if (out) *out = nullptr;
    if (error) *error = nullptr;
    if (!spec || !window || !out)
        return fail(spec, error, TLATV_ERROR_ARGUMENT, "spec, window and out are required");
    return guarded(spec, error, [&] {
        auto verdict = spec->spec.check_window(window->window, cpp_options(options));
        if (!verdict) return fail(spec, error, TLATV_ERROR_INPUT, verdict.error_text());
        *out = new tlatv_window_verdict(std::move(verdict).value());
        return TLATV_OK;
    });
}

tlatv_status tlatv_spec_validate_stream(const tlatv_spec* spec, tlatv_window_source source,
                                        void* source_context, tlatv_verdict_callback on_verdict,
                                        void* verdict_context,
                                        const tlatv_validate_options* options, tlatv_report** out,
                                        char** error) {
    if (out) *out = nullptr;
    if (error) *error = nullptr;
    if (!spec || !source || !out)
        return fail(spec, error, TLATV_ERROR_ARGUMENT, "spec, source and out are required");
    return guarded(spec, error, [&] {
        const tlatv::WindowSource next = [&]() -> std::optional<tlatv::Window> {
            tlatv_window* given = nullptr;
            const int more = source(source_context, &given);
            std::unique_ptr<tlatv_window> owned(given);
            if (more == 0) return std::nullopt;
            if (more < 0) throw std::runtime_error("the window source stopped validation");
            if (!owned) throw std::runtime_error("the window source gave no window");
            return std::move(owned->window);
        };
        auto report = spec->spec.validate_stream(next, cpp_options(options),
                                                 cpp_callback(on_verdict, verdict_context));
        if (!report) return fail(spec, error, TLATV_ERROR_INPUT, report.error_text());
        *out = new_report(std::move(report).value());
        return TLATV_OK;
    });
}

tlatv_status tlatv_spec_validate_windows(const tlatv_spec* spec, const tlatv_window* const* windows,
                                         size_t count, tlatv_verdict_callback on_verdict,
                                         void* verdict_context,
                                         const tlatv_validate_options* options, tlatv_report** out,
                                         char** error) {
    if (out) *out = nullptr;
    if (error) *error = nullptr;
    if (!spec || (count > 0 && !windows) || !out)
        return fail(spec, error, TLATV_ERROR_ARGUMENT, "spec, windows and out are required");
    for (size_t i = 0; i < count; ++i)
        if (!windows[i]) return fail(spec, error, TLATV_ERROR_ARGUMENT, "a window is NULL");
    return guarded(spec, error, [&] {
        size_t next_index = 0;
        const tlatv::WindowSource next = [&]() -> std::optional<tlatv::Window> {
            if (next_index == count) return std::nullopt;
            return windows[next_index++]->window;
        };
        auto report = spec->spec.validate_stream(next, cpp_options(options),
                                                 cpp_callback(on_verdict, verdict_context));
        if (!report) return fail(spec, error, TLATV_ERROR_INPUT, report.error_text());
        *out = new_report(std::move(report).value());
        return TLATV_OK;
    });
}

tlatv_status tlatv_spec_validate_file(const tlatv_spec* spec, const char* windows_file,
                                      tlatv_verdict_callback on_verdict, void* verdict_context,
                                      const tlatv_validate_options* options, tlatv_report** out,
                                      char** error) {
    if (out) *out = nullptr;
    if (error) *error = nullptr;
    if (!spec || !windows_file || !out)
        return fail(spec, error, TLATV_ERROR_ARGUMENT, "spec, windows_file and out are required");
    return guarded(spec, error, [&] {
        const tlatv::ValidateOptions settings = cpp_options(options);
        tlatv::ValidateRequest request{windows_file, settings.mapping_file, settings.threads,
                                       settings.invariants};
        auto report = spec->spec.validate(request, cpp_callback(on_verdict, verdict_context));
        if (!report) return fail(spec, error, TLATV_ERROR_INPUT, report.error_text());
        *out = new_report(std::move(report).value());
        return TLATV_OK;
    });
}

tlatv_status tlatv_window_verdict_copy(const tlatv_window_verdict* verdict,
                                       tlatv_window_verdict** out) {
    if (out) *out = nullptr;
    if (!verdict || !out) return TLATV_ERROR_ARGUMENT;
    return guarded(verdict, nullptr, [&] {
        *out = new tlatv_window_verdict(verdict->verdict, nullptr);
        return TLATV_OK;
    });
}

void tlatv_window_verdict_free(tlatv_window_verdict* verdict) {
    delete verdict;
}

const char* tlatv_window_verdict_last_error(const tlatv_window_verdict* verdict) {
    return verdict ? verdict->last_error.get() : "";
}

tlatv_status tlatv_window_verdict_get(const tlatv_window_verdict* verdict,
                                      tlatv_window_verdict_info* info) {
    if (!verdict || !info)
        return fail(verdict, nullptr, TLATV_ERROR_ARGUMENT, "verdict and info are required");
    const tlatv::WindowVerdict& v = verdict->verdict;
    *info = {v.index,
             v.id.c_str(),
             v.event.c_str(),
             v.action.c_str(),
             c_verdict(v.verdict),
             c_failure(v.failure),
             c_expectation(v.expect),
             v.passed_by.c_str(),
             v.enabled ? 1 : 0,
             v.arguments.size()};
    return TLATV_OK;
}

tlatv_status tlatv_window_verdict_argument(const tlatv_window_verdict* verdict, size_t i,
                                           const char** name, const char** value) {
    if (!verdict || !name || !value)
        return fail(verdict, nullptr, TLATV_ERROR_ARGUMENT, "verdict, name and value are required");
    if (i >= verdict->verdict.arguments.size())
        return fail(verdict, nullptr, TLATV_ERROR_ARGUMENT, "no argument at this index");
    *name = verdict->verdict.arguments[i].name.c_str();
    *value = verdict->verdict.arguments[i].value.text().c_str();
    return TLATV_OK;
}

tlatv_status tlatv_window_verdict_false_conjunct(const tlatv_window_verdict* verdict,
                                                 tlatv_location* where, size_t* operand_count) {
    if (!verdict || !where || !operand_count)
        return fail(verdict, nullptr, TLATV_ERROR_ARGUMENT,
                    "verdict, where and operand_count are required");
    const auto& fc = verdict->verdict.false_conjunct;
    if (!fc) return TLATV_ABSENT;
    *where = {fc->file.c_str(), fc->line, fc->column, fc->text.c_str(), fc->source_line.c_str()};
    *operand_count = fc->operands.size();
    return TLATV_OK;
}

tlatv_status tlatv_window_verdict_operand(const tlatv_window_verdict* verdict, size_t i,
                                          const char** text, const char** value) {
    if (!verdict || !text || !value)
        return fail(verdict, nullptr, TLATV_ERROR_ARGUMENT, "verdict, text and value are required");
    const auto& fc = verdict->verdict.false_conjunct;
    if (!fc || i >= fc->operands.size())
        return fail(verdict, nullptr, TLATV_ERROR_ARGUMENT, "no operand at this index");
    *text = fc->operands[i].text.c_str();
    *value = fc->operands[i].value.c_str();
    return TLATV_OK;
}

tlatv_status tlatv_window_verdict_closest(const tlatv_window_verdict* verdict, const char** action,
                                          size_t* differing_count) {
    if (!verdict || !action || !differing_count)
        return fail(verdict, nullptr, TLATV_ERROR_ARGUMENT,
                    "verdict, action and differing_count are required");
    const auto& closest = verdict->verdict.closest;
    if (!closest) return TLATV_ABSENT;
    *action = closest->action.c_str();
    *differing_count = closest->differing.size();
    return TLATV_OK;
}

tlatv_status tlatv_window_verdict_differing(const tlatv_window_verdict* verdict, size_t i,
                                            const char** variable, const char** observed,
                                            const char** spec) {
    if (!verdict || !variable || !observed || !spec)
        return fail(verdict, nullptr, TLATV_ERROR_ARGUMENT,
                    "verdict, variable, observed and spec are required");
    const auto& closest = verdict->verdict.closest;
    if (!closest || i >= closest->differing.size())
        return fail(verdict, nullptr, TLATV_ERROR_ARGUMENT, "no differing variable at this index");
    const auto& d = closest->differing[i];
    *variable = d.variable.c_str();
    *observed = d.observed.c_str();
    *spec = d.spec.c_str();
    return TLATV_OK;
}

tlatv_status tlatv_window_verdict_error(const tlatv_window_verdict* verdict,
                                        tlatv_location* where) {
    if (!verdict || !where)
        return fail(verdict, nullptr, TLATV_ERROR_ARGUMENT, "verdict and where are required");
    if (!verdict->verdict.error) return TLATV_ABSENT;
    *where = c_location(*verdict->verdict.error);
    return TLATV_OK;
}

tlatv_status tlatv_window_verdict_outcomes(const tlatv_window_verdict* verdict, size_t* outcomes,
                                           size_t* extra) {
    if (!verdict || !outcomes || !extra)
        return fail(verdict, nullptr, TLATV_ERROR_ARGUMENT,
                    "verdict, outcomes and extra are required");
    if (!verdict->verdict.outcomes) return TLATV_ABSENT;
    *outcomes = verdict->verdict.outcomes->outcomes;
    *extra = verdict->verdict.outcomes->extra;
    return TLATV_OK;
}

void tlatv_report_free(tlatv_report* report) {
    delete report;
}

const char* tlatv_report_last_error(const tlatv_report* report) {
    return report ? report->last_error.get() : "";
}

tlatv_status tlatv_report_counts(const tlatv_report* report, tlatv_validation_counts* counts) {
    if (!report || !counts)
        return fail(report, nullptr, TLATV_ERROR_ARGUMENT, "report and counts are required");
    const auto& r = report->report;
    *counts = {r.windows, r.passes, r.fails, r.errors};
    return TLATV_OK;
}

tlatv_status tlatv_report_action_count(const tlatv_report* report, size_t* count) {
    if (!report || !count)
        return fail(report, nullptr, TLATV_ERROR_ARGUMENT, "report and count are required");
    *count = report->report.actions.size();
    return TLATV_OK;
}

tlatv_status tlatv_report_action(const tlatv_report* report, size_t i, tlatv_action_report* out) {
    if (!report || !out)
        return fail(report, nullptr, TLATV_ERROR_ARGUMENT, "report and out are required");
    const tlatv::ActionReport* a = action_at(report, i);
    if (!a) return TLATV_ERROR_ARGUMENT;
    *out = {a->action.c_str(),
            a->windows,
            a->passes,
            a->fails,
            a->errors,
            a->analysed,
            a->with_extra_outcomes,
            a->extra_outcomes,
            a->unobserved_groups,
            a->accepted_impossible,
            a->invariant_violations,
            a->clusters.size(),
            a->failing_windows.size(),
            a->examples.size()};
    return TLATV_OK;
}

tlatv_status tlatv_report_cluster(const tlatv_report* report, size_t i, size_t j,
                                  const char** feature, size_t* failing, size_t* passing) {
    if (!report || !feature || !failing || !passing)
        return fail(report, nullptr, TLATV_ERROR_ARGUMENT,
                    "report, feature, failing and passing are required");
    const tlatv::ActionReport* a = action_at(report, i);
    if (!a) return TLATV_ERROR_ARGUMENT;
    if (j >= a->clusters.size())
        return fail(report, nullptr, TLATV_ERROR_ARGUMENT, "no cluster at this index");
    *feature = a->clusters[j].feature.c_str();
    *failing = a->clusters[j].failing;
    *passing = a->clusters[j].passing;
    return TLATV_OK;
}

tlatv_status tlatv_report_failing_window(const tlatv_report* report, size_t i, size_t j,
                                         unsigned long long* index) {
    if (!report || !index)
        return fail(report, nullptr, TLATV_ERROR_ARGUMENT, "report and index are required");
    const tlatv::ActionReport* a = action_at(report, i);
    if (!a) return TLATV_ERROR_ARGUMENT;
    if (j >= a->failing_windows.size())
        return fail(report, nullptr, TLATV_ERROR_ARGUMENT, "no failing window at this index");
    *index = a->failing_windows[j];
    return TLATV_OK;
}

tlatv_status tlatv_report_example(const tlatv_report* report, size_t i, size_t j,
                                  const tlatv_window_verdict** verdict) {
    if (!report || !verdict)
        return fail(report, nullptr, TLATV_ERROR_ARGUMENT, "report and verdict are required");
    if (!action_at(report, i)) return TLATV_ERROR_ARGUMENT;
    if (j >= report->examples[i].size())
        return fail(report, nullptr, TLATV_ERROR_ARGUMENT, "no example at this index");
    *verdict = report->examples[i][j].get();
    return TLATV_OK;
}

tlatv_status tlatv_report_json(const tlatv_report* report, const char** json) {
    if (!report || !json)
        return fail(report, nullptr, TLATV_ERROR_ARGUMENT, "report and json are required");
    *json = report->report.json.c_str();
    return TLATV_OK;
}

tlatv_status tlatv_report_table(const tlatv_report* report, const char** table) {
    if (!report || !table)
        return fail(report, nullptr, TLATV_ERROR_ARGUMENT, "report and table are required");
    *table = report->report.table.c_str();
    return TLATV_OK;
}

tlatv_status tlatv_evaluate(const char* expression, char** value, char** error) {
    if (value) *value = nullptr;
    if (error) *error = nullptr;
    if (!expression || !value)
        return fail(nullptr, error, TLATV_ERROR_ARGUMENT, "expression and value are required");
    return guarded(nullptr, error, [&] {
        auto result = tlatv::evaluate(expression);
        if (!result) return fail(nullptr, error, TLATV_ERROR_INPUT, result.error_text());
        *value = copy_string(result.value());
        return TLATV_OK;
    });
}

} // extern "C"
