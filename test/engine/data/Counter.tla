---- MODULE Counter ----
\* A counter that may grow by 1 or 2 (the system only ever adds 1), bounded by Max.
EXTENDS Naturals
CONSTANT Max
VARIABLES x, mode

Init == x = 0 /\ mode = "run"

Add(n) == /\ mode = "run"
          /\ x' = x + n
          /\ UNCHANGED mode

Stop == /\ mode' = "stopped"
        /\ UNCHANGED x

Next == \/ \E n \in {1, 2} : Add(n)
        \/ Stop

Bounded == x <= Max
====
