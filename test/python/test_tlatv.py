"""The Python module through Python's own unittest (run from CTest)."""
import json
import os
import unittest

import tlatv

EXAMPLE = os.path.join(os.environ["TLATV_SOURCE_DIR"], "examples", "lockservice")
FREE = '/\\ holder = "none"\n/\\ waiting = <<>>'


class SpecTest(unittest.TestCase):
    def setUp(self):
        self.spec = tlatv.load(os.path.join(EXAMPLE, "LockService.tla"),
                               os.path.join(EXAMPLE, "LockService.cfg"))

    def test_variables(self):
        self.assertEqual(self.spec.module_name, "LockService")
        self.assertEqual(self.spec.variables, ["holder", "waiting"])

    def test_successors(self):
        self.assertEqual(len(self.spec.successors(FREE)), 3)

    def test_check(self):
        ok = self.spec.check(FREE, '/\\ holder = "c2"\n/\\ waiting = <<>>', "Request")
        self.assertEqual(ok.verdict, "pass")
        bad = self.spec.check(FREE, '/\\ holder = "c2"\n/\\ waiting = <<>>', "Release")
        self.assertEqual(bad.verdict, "fail")
        self.assertTrue(bad.explanation)

    def test_validate(self):
        report = self.spec.validate(os.path.join(EXAMPLE, "trace.ndjson"), threads=2)
        self.assertEqual(report.windows, 196)
        self.assertTrue(report.all_pass)
        self.assertEqual(report["totals"]["windows"], 196)
        self.assertEqual(report.to_dict()["totals"]["fail"], 0)
        self.assertEqual(json.loads(report.json)["totals"]["pass"], 196)
        self.assertIn("Release", report.table)
        under = tlatv.load(os.path.join(EXAMPLE, "LockServiceUnder.tla"),
                           os.path.join(EXAMPLE, "LockServiceUnder.cfg"))
        actions = {a["action"]: a for a in
                   under.validate(os.path.join(EXAMPLE, "trace.ndjson"))["actions"]}
        self.assertGreater(actions["Release"]["fail"], 0)
        self.assertEqual(actions["Request"]["fail"], 0)

    def test_load_error(self):
        with self.assertRaises(tlatv.Error) as raised:
            tlatv.load(os.path.join(EXAMPLE, "NoSuchSpec.tla"))
        self.assertIn("NoSuchSpec", str(raised.exception))


def request(client, holder="none", waiting=()):
    """A request by `client` for the lock, as the service logs it."""
    return {"action": "Request", "args": {"c": client},
            "pre": {"holder": holder, "waiting": list(waiting)},
            "post": {"holder": client, "waiting": list(waiting)}}


HAND_OFF = {"action": "Release", "args": {"c": "c1"}, "id": "hand-off",
            "pre": '/\\ holder = "c1" /\\ waiting = <<"c2">>',
            "post": {"holder": "c2", "waiting": []}}


class WindowTest(unittest.TestCase):
    def setUp(self):
        self.spec = tlatv.load(os.path.join(EXAMPLE, "LockService.tla"),
                               os.path.join(EXAMPLE, "LockService.cfg"))
        self.under = tlatv.load(os.path.join(EXAMPLE, "LockServiceUnder.tla"),
                                os.path.join(EXAMPLE, "LockServiceUnder.cfg"))

    def test_one_window_passes(self):
        verdict = self.spec.check_window(request("c2"))
        self.assertEqual(verdict.verdict, "pass")
        self.assertEqual(verdict.passed_by, 'Request("c2")')
        self.assertEqual(verdict.arguments, [{"name": "c", "value": '"c2"'}])

    def test_one_window_fails_with_its_diagnostic(self):
        verdict = self.under.check_window(HAND_OFF)
        self.assertEqual(verdict.verdict, "fail")
        self.assertEqual(verdict.failure, "rejected")
        self.assertEqual(verdict.id, "hand-off")
        closest = verdict.closest
        self.assertEqual(closest["action"], 'Release("c1")')
        self.assertEqual([d["variable"] for d in closest["differing"]], ["holder", "waiting"])
        self.assertEqual(closest["differing"][0]["spec"], '"none"')
        as_json = json.loads(verdict.to_json())
        self.assertEqual(as_json["verdict"], "fail")
        self.assertEqual(as_json["closest"], closest)

    def test_false_conjunct(self):
        wrong = {"action": "Release", "args": {"c": "c2"},
                 "pre": {"holder": "c1", "waiting": []},
                 "post": {"holder": "none", "waiting": []}}
        conjunct = self.spec.check_window(wrong).false_conjunct
        self.assertTrue(conjunct["file"].endswith("LockService.tla"))
        self.assertEqual(conjunct["text"], "holder = c")
        self.assertIn({"text": "holder", "value": '"c1"'}, conjunct["operands"])

    def test_bad_window_is_an_error_verdict_or_a_python_error(self):
        verdict = self.spec.check_window({"action": "Request", "pre": {"holder": None},
                                          "post": {}})
        self.assertEqual(verdict.verdict, "error")
        self.assertIn("null", verdict.error["message"])
        with self.assertRaises(tlatv.Error):
            self.spec.check_window({"action": "Request", "prelude": {}})
        with self.assertRaises(tlatv.Error):
            self.spec.check_window({"action": "Request"}, mapping="/no/such/mapping.json")

    def test_tla_values_and_sets(self):
        window = request("c1")
        window["pre"]["waiting"] = tlatv.tla("<<>>")
        self.assertEqual(self.spec.check_window(window).verdict, "pass")
        self.assertEqual(tlatv.tla("{1, 2}").text, "{1, 2}")

    def test_window_set_report_as_objects(self):
        seen = []
        report = self.under.validate([request("c1"), HAND_OFF, request("c3")], threads=1,
                                     on_verdict=seen.append)
        self.assertEqual([v.verdict for v in seen], ["pass", "fail", "pass"])
        self.assertEqual([v.index for v in seen], [1, 2, 3])
        self.assertEqual((report.windows, report.passes, report.fails), (3, 2, 1))
        release, req = report.actions
        self.assertEqual(release.action, "Release")
        self.assertEqual(release.fails, 1)
        self.assertEqual(release.failing_windows, [2])
        self.assertEqual(release.examples[0].closest["action"], 'Release("c1")')
        self.assertEqual(req.passes, 2)
        self.assertEqual(report.to_dict()["actions"][0]["action"], "Release")

    def test_stream_from_a_generator(self):
        produced = []
        answered = []

        def windows():
            for i in range(1500):
                produced.append(i)
                yield request("c1" if i % 2 else "c2")

        def on_verdict(verdict):
            answered.append(verdict.index)
            # Windows are read a batch at a time, not all before the first verdict.
            self.assertLess(len(produced), len(answered) + 600)

        report = self.spec.validate(windows(), threads=2, on_verdict=on_verdict)
        self.assertEqual(report.windows, 1500)
        self.assertTrue(report.all_pass)
        self.assertEqual(answered, list(range(1, 1501)))

    def test_exceptions_of_python_code_come_back_unchanged(self):
        def broken():
            yield request("c1")
            raise KeyError("the log went away")

        with self.assertRaises(KeyError):
            self.spec.validate(broken())

        def refuse(verdict):
            raise RuntimeError("consumer failed")

        with self.assertRaises(RuntimeError):
            self.spec.validate([request("c1")], on_verdict=refuse)


class LoadTextTest(unittest.TestCase):
    COUNTER = "\n".join(["---- MODULE Counter ----", "EXTENDS Naturals, Bounds",
                         "VARIABLE n", "Next == n < Limit /\\ n' = n + 1",
                         "Bound == Limit", "===="])

    def test_in_memory_modules_and_config(self):
        spec = tlatv.load_text(self.COUNTER, "CONSTANT Limit = 3\nNEXT Next\n",
                               modules={"Bounds": "---- MODULE Bounds ----\nCONSTANT Limit\n===="})
        self.assertEqual(spec.module_name, "Counter")
        self.assertEqual(spec.evaluate("Bound"), "3")
        self.assertEqual(spec.successors("n = 2"), ["n = 3"])

    def test_missing_module(self):
        with self.assertRaises(tlatv.Error) as raised:
            tlatv.load_text(self.COUNTER)
        self.assertIn("Counter.tla", str(raised.exception))
        self.assertIn("Bounds", str(raised.exception))


class EvaluateTest(unittest.TestCase):
    def test_value(self):
        self.assertEqual(tlatv.evaluate("<<1, 2>> \\o <<3>>"), "<<1, 2, 3>>")

    def test_error_is_not_false(self):
        with self.assertRaises(tlatv.Error):
            tlatv.evaluate('1 = "a"')


if __name__ == "__main__":
    unittest.main()
