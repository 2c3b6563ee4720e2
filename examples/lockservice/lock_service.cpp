// A small lock service with a FIFO of waiting clients, instrumented to log every transition as a
// tlatv window: the action, its arguments and the service's state before and after.
//
//   lock_service [--steps N] [--clients K] [--seed S] > trace.ndjson
//
// The state it logs is exactly what the spec LockService.tla models: `holder` (a client name or
// "none") and `waiting` (the queue, oldest first).
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace {

class LockService {
public:
    // A client asks for the lock: it gets it at once when it is free, otherwise it queues.
    void request(const std::string& client) {
        if (holder_.empty() && waiting_.empty())
            holder_ = client;
        else
            waiting_.push_back(client);
    }

    // The holder gives the lock up: it passes to the longest-waiting client, if any.
    void release() {
        if (waiting_.empty()) {
            holder_.clear();
        } else {
            holder_ = waiting_.front();
            waiting_.pop_front();
        }
    }

    const std::string& holder() const { return holder_; }
    bool is_waiting(const std::string& client) const {
        for (const auto& w : waiting_)
            if (w == client) return true;
        return false;
    }

    std::string state_json() const {
        std::string out = "{\"holder\": \"" + (holder_.empty() ? std::string("none") : holder_) +
                          "\", \"waiting\": [";
        for (std::size_t i = 0; i < waiting_.size(); ++i) {
            if (i) out += ", ";
            out += "\"" + waiting_[i] + "\"";
        }
        return out + "]}";
    }

private:
    std::string holder_; // empty when free
    std::deque<std::string> waiting_;
};

long argument(int argc, char** argv, std::string_view name, long fallback) {
    for (int i = 1; i + 1 < argc; ++i)
        if (name == argv[i]) return std::strtol(argv[i + 1], nullptr, 10);
    return fallback;
}

} // namespace

int main(int argc, char** argv) {
    const long steps = argument(argc, argv, "--steps", 200);
    const long client_count = argument(argc, argv, "--clients", 3);
    std::mt19937 random(static_cast<unsigned>(argument(argc, argv, "--seed", 1)));

    std::vector<std::string> clients;
    for (long i = 1; i <= client_count; ++i) clients.push_back("c" + std::to_string(i));

    LockService service;
    for (long step = 0; step < steps; ++step) {
        const std::string& client = clients[random() % clients.size()];
        const std::string pre = service.state_json();
        std::string action;
        if (service.holder() == client) {
            service.release();
            action = "Release";
        } else if (!service.is_waiting(client)) {
            service.request(client);
            action = "Request";
        } else {
            continue; // a waiting client does nothing
        }
        std::printf("{\"action\": \"%s\", \"args\": {\"c\": \"%s\"}, \"pre\": %s, \"post\": %s}\n",
                    action.c_str(), client.c_str(), pre.c_str(), service.state_json().c_str());
    }
    return 0;
}
