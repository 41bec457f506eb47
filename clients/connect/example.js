// Calls himrec's HTTP/JSON door with a Connect client: the services are
// read at run time from the descriptor set `himrec descriptors` writes
// (`npm run descriptors`), so there is no generated code to keep.
//
//   npm ci && npm run descriptors
//   node example.js --addr 127.0.0.1:50051 --state TX [--key TOKEN]

import { readFileSync } from "node:fs";
import { createFileRegistry, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createConnectTransport } from "@connectrpc/connect-node";

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
}

const addr = option("addr", "127.0.0.1:50051");
const descriptors = option("descriptors", new URL("himrec.binpb", import.meta.url));
const key = option("key", "");

const registry = createFileRegistry(
  fromBinary(FileDescriptorSetSchema, readFileSync(descriptors)),
);
const transport = createConnectTransport({
  baseUrl: `http://${addr}`,
  httpVersion: "1.1",
  interceptors: key
    ? [(next) => (request) => {
        request.header.set("authorization", `Bearer ${key}`);
        return next(request);
      }]
    : [],
});
const recommender = createClient(registry.getService("himrec.v1.Recommender"), transport);

const answer = await recommender.recommend(
  {
    profile: {
      skills: { clinical_coding: 0.85, medical_terminology: 0.9 },
      credentials: ["CCA"],
      state: option("state", ""),
    },
    maxPrograms: 3,
  },
  { timeoutMs: 5000 },
);
console.log(`career paths: ${answer.careerPaths.length}`);
console.log(`first path: ${answer.careerPaths[0].socCode} ${answer.careerPaths[0].title}`);
console.log(`programs: ${answer.programs.length}`);

// A refused call comes back as a ConnectError with gRPC's code.
try {
  await recommender.recommend({ profile: { skills: { clinical_coding: 2 } } });
  console.log("refused: no");
} catch (err) {
  const error = ConnectError.from(err);
  console.log(`refused: ${Code[error.code]} ${error.rawMessage}`);
}
