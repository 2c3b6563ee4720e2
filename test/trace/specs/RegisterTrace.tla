---- MODULE RegisterTrace ----
\* Trace specs keep the furthest log line reached in TLC register 0: an ASSUME sets it, each
\* step raises it, and the POSTCONDITION reads it once the CONSTRAINT has stopped the search
\* (CCF's TraceMultiNodeReads does so). LOG picks the log.
EXTENDS Naturals, Sequences, TLC
CONSTANT LOG
VARIABLES x, l
Logs == [good |-> <<1, 3, 4, 6>>, bad |-> <<1, 2, 5, 6>>]
ASSUME LOG \in DOMAIN Logs
ASSUME TLCSet(0, 0)
Log == Logs[LOG]
Init == x = 0 /\ l = 1
Step(d) == /\ l <= Len(Log)
           /\ x' = x + d
           /\ x' = Log[l]
           /\ l' = l + 1
           /\ TLCSet(0, IF l' > TLCGet(0) THEN l' ELSE TLCGet(0))
Next == Step(1) \/ Step(2)
Spec == Init /\ [][Next]_<<x, l>>
Termination == l = Len(Log) => TLCSet("exit", TRUE)
Matched == TLCGet(0) >= Len(Log)
TraceMatched == [](l <= Len(Log) => [](TLCGet("queue") \in Nat \ {0} \/ l > Len(Log)))
====
