---- MODULE StepTrace ----
\* A counter that moves by 1 or 2 per step, validated against a log of its values (LOG picks
\* the log). The VIEW drops y, a variable the log does not see, so both values of y per x count
\* as one state.
EXTENDS Naturals, Sequences, TLC
CONSTANT LOG
VARIABLES x, y, l
Logs == [good |-> <<1, 3, 4, 6>>, bad |-> <<1, 2, 5, 6>>]
Log == Logs[LOG]
Init == x = 0 /\ y \in {0, 1} /\ l = 1
Step(d) == /\ l <= Len(Log)
           /\ x' = x + d
           /\ x' = Log[l]
           /\ y' \in {0, 1}
           /\ l' = l + 1
Next == Step(1) \/ Step(2)
Spec == Init /\ [][Next]_<<x, y, l>>
View == <<x, l>>
Bounded == x < 100
Accepted == TLCGet("stats").diameter - 1 = Len(Log)
\* TLC's trace-validation idiom (etcd, CCF): some behaviour matches every line.
TraceMatched == [](l <= Len(Log) => [](TLCGet("queue") = 1 \/ l > Len(Log)))
\* A property of a shape tlatv trace does not know.
Bounded100 == [](x < 100)
====
