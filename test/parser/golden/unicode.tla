---- MODULE unicode ----
Op ≜ ∀ x ∈ S : ∃ y ∈ T : x ≤ y ∧ y ≠ x
Set ≜ {⟨a, b⟩ : a ∈ S, b ∈ S} ∪ (S ∩ T)
Fun ≜ [x ∈ S ↦ x] ∈ [S → T]
Temp ≜ □(p ⇒ ◇q)
Ineq ≜ a ≥ b ∨ ¬c
====
