;; The yardstick for per-call cost: instantiating this and calling its export is what any module costs at least.
(module
  (memory (export "memory") 1)
  (func (export "run") (result i32) (i32.const 0)))
