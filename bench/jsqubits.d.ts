// jsqubits ships no type declarations; bench/peers.ts types the part it uses.
declare module "jsqubits" {
  const Qubits: unknown;
  export default Qubits;
}
