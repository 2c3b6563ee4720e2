---------------------------- MODULE LockService ----------------------------
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

Release(c) ==
    /\ holder = c
    /\ IF waiting = <<>>
          THEN /\ holder' = "none"
               /\ UNCHANGED waiting
          ELSE /\ holder' = Head(waiting)
               /\ waiting' = Tail(waiting)

Next == \E c \in Clients : Request(c) \/ Release(c)

Spec == Init /\ [][Next]_vars

MutualExclusion == holder = "none" \/ ~IsWaiting(holder)
=============================================================================
