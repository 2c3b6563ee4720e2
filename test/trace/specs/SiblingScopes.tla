---- MODULE SiblingScopes ----
\* Two sibling quantifiers in one action (CCF's IsRcvAppendEntriesRequest): the second, \E r,
\* is walked inside the scope of the first, \E m, and Handle's argument m is read again after
\* r is bound (when the walk returns to Handle's second disjunct).
EXTENDS Naturals, Sequences, TLC
VARIABLES msgs, done, l
Log == <<"req">>
Init == msgs = {[type |-> "req", n |-> 1]} /\ done = 0 /\ l = 1
Handle(m) == \/ done' = m.n
             \/ done' = m.n + 10
Step == /\ l <= Len(Log)
        /\ \E m \in msgs : m.type = Log[l] /\ Handle(m)
        /\ \E r \in {[type |-> "resp"]} : msgs' = msgs \cup {r}
        /\ l' = l + 1
Spec == Init /\ [][Step]_<<msgs, done, l>>
TraceMatched == [](l <= Len(Log) => [](TLCGet("queue") = 1 \/ l > Len(Log)))
====
