---- MODULE CdotTrace ----
\* A log of a counter that moves by two per step, each step two increments composed with \cdot.
\* Inc leaves l unassigned: in the intermediate state it keeps its value of the pre-state.
EXTENDS Naturals, Sequences, TLC
VARIABLES x, l
Log == <<2, 4, 6>>
Init == x = 0 /\ l = 1
Inc == x' = x + 1
Step == /\ l <= Len(Log)
        /\ Inc \cdot Inc
        /\ x' = Log[l]
        /\ l' = l + 1
Spec == Init /\ [][Step]_<<x, l>>
TraceMatched == [](l <= Len(Log) => [](TLCGet("queue") = 1 \/ l > Len(Log)))
====
