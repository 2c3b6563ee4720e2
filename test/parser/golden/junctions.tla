---- MODULE junctions ----
Next ==
    /\ x' = x + 1
    /\ \/ y' = y
       \/ /\ y' = y + 1
          /\ z' = z
    /\ IF x > 0
         THEN a
         ELSE b
    /\ LET t == x + y
       IN  t > 0
    /\ CASE x = 1 -> 1
         [] OTHER -> 2
Inv == \A i \in S :
          \/ p(i)
          \/ q(i)
Spec == Init /\ [][Next]_vars
====
