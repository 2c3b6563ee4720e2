// The C API (include/tlatv/tlatv.h) over the C++ API. Nothing may throw past these functions.
#include "tlatv/tlatv.h"

#include "tlatv/spec.hpp"
#include "tlatv/version.hpp"

#include <cstdlib>
#include <cstring>
#include <mutex>
#include <new>
#include <string>

struct tlatv_spec {
    tlatv::Spec spec;
    mutable std::mutex error_mutex;
    mutable std::string last_error;
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

tlatv_status fail(const tlatv_spec* spec, char** error, tlatv_status status,
                  const std::string& message) {
    if (spec) {
        std::lock_guard lock(spec->error_mutex);
        spec->last_error = message;
    }
    set_out(error, message);
    return status;
}

template <typename Body>
tlatv_status guarded(const tlatv_spec* spec, char** error, Body&& body) {
    try {
        return body();
    } catch (const std::bad_alloc&) {
        return fail(spec, error, TLATV_ERROR_INTERNAL, "out of memory");
    } catch (const std::exception& e) {
        return fail(spec, error, TLATV_ERROR_INTERNAL, e.what());
    } catch (...) {
        return fail(spec, error, TLATV_ERROR_INTERNAL, "unknown internal error");
    }
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
        *out = new tlatv_spec{std::move(loaded).value(), {}, {}};
        return TLATV_OK;
    });
}

void tlatv_spec_free(tlatv_spec* spec) {
    delete spec;
}

const char* tlatv_spec_last_error(const tlatv_spec* spec) {
    if (!spec) return "";
    std::lock_guard lock(spec->error_mutex);
    return spec->last_error.c_str();
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
