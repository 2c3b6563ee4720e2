// A TLA+ value given by the caller of the API: as JSON text, as TLA+ text in TLC's printed form,
// or built from parts. The text is read when the value is used against a spec, so that a bare
// name can be a model value of that spec; a value that does not read is that window's error.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tlatv {

class Value {
public:
    enum class Form {
        Json,    // JSON, converted as TLC's Json!ndJsonDeserialize (docs/windows-format.md)
        Tla,     // TLC's printed form: {1, 2}, [a |-> 1], <<"x">>, (1 :> 2), n1 (a model value)
        Invalid, // built from a part that did not read; text() says why
    };

    // FALSE, as in TLA+ a default value has to be something.
    Value();

    static Value json(std::string text);
    static Value tla(std::string text);

    static Value boolean(bool b);
    static Value integer(std::int64_t i);
    static Value string(std::string_view s);
    static Value model_value(std::string_view name);
    static Value sequence(const std::vector<Value>& items); // <<a, b>>
    static Value set(const std::vector<Value>& elements);   // {a, b}
    // [name |-> value, ...]; any strings may be field names.
    static Value record(const std::vector<std::pair<std::string, Value>>& fields);
    // (key :> value @@ ...): a function on the keys given.
    static Value function(const std::vector<std::pair<Value, Value>>& pairs);
    // A value that could not be built; using it makes the window an error with `message`.
    static Value invalid(std::string message);

    Form form() const { return form_; }
    // The text in form(): JSON or TLA+ text, or the message of an Invalid value.
    const std::string& text() const { return text_; }

    bool operator==(const Value&) const = default;

private:
    Value(Form form, std::string text)
        : form_(form)
        , text_(std::move(text)) {}
    Form form_;
    std::string text_;
};

} // namespace tlatv
