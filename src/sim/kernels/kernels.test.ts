import { kernelConformanceSuite } from "./conformance.js";
import { KERNELS } from "./select.js";

for (const [name, kernel] of KERNELS) kernelConformanceSuite(name, () => kernel);
