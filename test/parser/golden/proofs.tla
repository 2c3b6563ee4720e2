---- MODULE proofs ----
EXTENDS Naturals, TLAPS
VARIABLE x
Init == x = 0
Next == x' = x + 1
ASSUME NatAssumption == 1 \in Nat
THEOREM Typing == Init /\ [][Next]_x => [](x \in Nat)
<1>1. Init => x \in Nat
  BY DEF Init
<1>2. ASSUME NEW n \in Nat, x = n
      PROVE  x + 1 \in Nat
  <2>1. n + 1 \in Nat
    OBVIOUS
  <2> QED
    BY <2>1
<1>3. SUFFICES ASSUME TRUE PROVE TRUE
  OMITTED
<1> DEFINE Q == x
<1>4. QED
  PROOF BY <1>1, <1>2, PTL DEF Next
LEMMA Trivial == TRUE
  OBVIOUS
USE DEF Init
Done == x
====
