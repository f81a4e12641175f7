import { kernelConformanceSuite } from "../../../test/helpers/kernel-conformance.js";
import { availableKernels } from "./select.js";

for (const [name, kernel] of availableKernels())
  for (const precision of ["double", "single"] as const)
    kernelConformanceSuite(name, () => kernel, precision);
