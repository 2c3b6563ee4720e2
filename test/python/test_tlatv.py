"""The Python module through Python's own unittest (run from CTest)."""
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
        self.assertEqual(report["totals"]["windows"], 196)
        self.assertEqual(report["totals"]["fail"], 0)
        self.assertIn("Release", report["table"])
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


class EvaluateTest(unittest.TestCase):
    def test_value(self):
        self.assertEqual(tlatv.evaluate("<<1, 2>> \\o <<3>>"), "<<1, 2, 3>>")

    def test_error_is_not_false(self):
        with self.assertRaises(tlatv.Error):
            tlatv.evaluate('1 = "a"')


if __name__ == "__main__":
    unittest.main()
