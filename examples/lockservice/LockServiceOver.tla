---------------------------- MODULE LockServiceOver ----------------------------
(* A lock service: one holder at a time, the others wait in FIFO order.     *)
EXTENDS Naturals, Sequences

CONSTANT Clients

VARIABLES holder,  \* the client holding the lock, or "none"
          waiting  \* the clients waiting for it, oldest first

vars == <<holder, waiting>>

TypeOK ==
    /\ holder \in Clients \cup {"none"}
    /\ waiting \in Seq(Clients)

Init ==
    /\ holder = "none"
    /\ waiting = <<>>

IsWaiting(c) == \E i \in 1..Len(waiting) : waiting[i] = c

Request(c) ==
    /\ c # holder
    /\ ~IsWaiting(c)
    /\ IF holder = "none" /\ waiting = <<>>
          THEN /\ holder' = c
               /\ UNCHANGED waiting
          ELSE /\ waiting' = Append(waiting, c)
               /\ UNCHANGED holder

\* Wrong on purpose: the lock may go to any waiting client, not only the oldest one, so from
\* a state with two or more waiters the spec allows outcomes the service never shows
\* (over-approximation).
RemoveAt(s, i) == [j \in 1..Len(s) - 1 |-> IF j < i THEN s[j] ELSE s[j + 1]]

Release(c) ==
    /\ holder = c
    /\ \/ /\ waiting = <<>>
          /\ holder' = "none"
          /\ UNCHANGED waiting
       \/ \E i \in 1..Len(waiting) :
             /\ holder' = waiting[i]
             /\ waiting' = RemoveAt(waiting, i)

Next == \E c \in Clients : Request(c) \/ Release(c)

Spec == Init /\ [][Next]_vars

MutualExclusion == holder = "none" \/ ~IsWaiting(holder)
=============================================================================
