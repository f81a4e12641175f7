// `--device NAME|FILE.json`: a catalog QPU by id or alias, or a custom device described in a JSON file.

import { customDeviceModel } from "../device/custom-device.js";
import { type DeviceModel, deviceModel } from "../device/device-model.js";
import { userError } from "../errors.js";
import type { Io } from "./io.js";

/** JSON text → value; a syntax error is the user's, naming the file. */
export function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw userError("IO.InvalidJson", `${file}: not valid JSON (${(e as Error).message})`, { field: file });
  }
}

export function resolveDevice(io: Io, name: string): DeviceModel {
  return name.endsWith(".json")
    ? customDeviceModel(parseJson(io.readText(name), name), name)
    : deviceModel(name);
}
