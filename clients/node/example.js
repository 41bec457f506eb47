#!/usr/bin/env node
// Calls a running himrec server from Node.js with @grpc/grpc-js, loading the
// .proto files in ../../proto at run time with @grpc/proto-loader (no code
// generation, no build step):
//
//   1. Recommend for a coder's profile, printing the ranked career paths,
//      work settings and programs;
//   2. Recommend with an unknown skill, printing the fields named by the
//      google.rpc.BadRequest in the `grpc-status-details-bin` trailer;
//   3. ListPrograms, paged to the end, checking the pages add up to
//      `total_size`.
//
//   npm ci
//   node example.js --addr 127.0.0.1:50051 --state TX
//
// Exits 1 on any unexpected answer.
'use strict';

const path = require('node:path');
const { parseArgs } = require('node:util');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const PROTO_DIR = path.resolve(__dirname, '..', '..', 'proto');
const DEADLINE_MS = 5000;

function loadServices() {
  const definition = protoLoader.loadSync(
    ['himrec/v1/recommender.proto', 'himrec/v1/catalog.proto'],
    {
      includeDirs: [PROTO_DIR],
      keepCase: true,
      longs: String,
      enums: String,
      defaults: true,
      oneofs: true,
    },
  );
  return grpc.loadPackageDefinition(definition).himrec.v1;
}

// google.rpc.Status and google.rpc.BadRequest, as far as this example reads
// them (fields this schema leaves out are skipped when decoding), so that
// Google's protos need not be vendored.
const RPC = protobuf.parse(
  `
  syntax = "proto3";
  package google.rpc;
  message Any { string type_url = 1; bytes value = 2; }
  message Status { int32 code = 1; string message = 2; repeated Any details = 3; }
  message BadRequest {
    message FieldViolation { string field = 1; string description = 2; }
    repeated FieldViolation field_violations = 1;
  }
`,
  { keepCase: true },
).root;
const STATUS = RPC.lookupType('google.rpc.Status');
const BAD_REQUEST = RPC.lookupType('google.rpc.BadRequest');
const BAD_REQUEST_URL = 'type.googleapis.com/google.rpc.BadRequest';

// The field violations of a failed call's google.rpc.BadRequest details.
function fieldViolations(error) {
  const [bytes] = error.metadata ? error.metadata.get('grpc-status-details-bin') : [];
  if (!bytes) return [];
  const status = STATUS.decode(bytes);
  return status.details
    .filter((any) => any.type_url === BAD_REQUEST_URL)
    .flatMap((any) => BAD_REQUEST.decode(any.value).field_violations);
}

// A unary call as a promise, with a deadline.
function call(client, method, request) {
  return new Promise((resolve, reject) => {
    const deadline = new Date(Date.now() + DEADLINE_MS);
    client[method](request, { deadline }, (error, response) =>
      error ? reject(error) : resolve(response),
    );
  });
}

function fail(message) {
  throw new Error(message);
}

function coderProfile(state) {
  return {
    skills: {
      clinical_coding: 0.85,
      medical_terminology: 0.9,
      anatomy_physiology: 0.7,
      clinical_documentation: 0.8,
      ehr_systems: 0.6,
    },
    interests: { conventional: 0.9, investigative: 0.4, social: 0.4 },
    highest_education: 'EDUCATION_LEVEL_SOME_COLLEGE',
    credentials: ['CCA'],
    state,
  };
}

async function recommend(recommender, state) {
  const answer = await call(recommender, 'Recommend', {
    profile: coderProfile(state),
    max_career_paths: 3,
    max_work_settings: 3,
    max_programs: 5,
  });
  console.log(`model: ${answer.model_version}`);
  console.log(`career paths: ${answer.career_paths.length}`);
  for (const p of answer.career_paths) {
    console.log(`  ${p.score.toFixed(3)} ${p.soc_code} ${p.title}`);
  }
  console.log(`work settings: ${answer.work_settings.length}`);
  for (const s of answer.work_settings) {
    console.log(`  ${s.score.toFixed(3)} ${s.name}`);
  }
  console.log(`programs: ${answer.programs.length}`);
  for (const r of answer.programs) {
    console.log(`  ${r.score.toFixed(3)} ${r.program.institution_name} (${r.program.state})`);
  }
  if (answer.career_paths.length === 0) fail('Recommend returned no career paths');
}

async function badRequest(recommender) {
  try {
    await call(recommender, 'Recommend', { profile: { skills: { not_a_skill: 0.5 } } });
  } catch (error) {
    if (error.code !== grpc.status.INVALID_ARGUMENT) throw error;
    console.log(`bad request: ${grpc.status[error.code]}`);
    const violations = fieldViolations(error);
    if (violations.length === 0) fail('INVALID_ARGUMENT carried no google.rpc.BadRequest');
    for (const v of violations) {
      console.log(`bad request field: ${v.field} (${v.description})`);
    }
    return;
  }
  fail('Recommend accepted an unknown skill');
}

async function listPrograms(catalog, state) {
  // The ProgramFilter message (the same one Recommend takes as
  // program_filter): associate degrees (Scorecard credential level 2) in
  // one state.
  const pageSize = 50;
  const request = {
    page_size: pageSize,
    filter: { states: [state], credential_levels: [2] },
    page_token: '',
  };
  let pages = 0;
  let seen = 0;
  let total;
  do {
    const page = await call(catalog, 'ListPrograms', request);
    pages += 1;
    seen += page.programs.length;
    if (total !== undefined && page.total_size !== total) {
      fail(`total_size changed between pages: ${total} then ${page.total_size}`);
    }
    total = page.total_size;
    if (pages > Math.ceil(total / pageSize) + 1) fail(`more pages than total_size ${total} needs`);
    request.page_token = page.next_page_token;
  } while (request.page_token);
  console.log(`programs paged: ${seen} in ${pages} pages (total_size ${total})`);
  if (seen !== total) fail(`paged ${seen} programs but total_size is ${total}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      addr: { type: 'string' },
      state: { type: 'string' },
    },
  });
  const addr = values.addr ?? '127.0.0.1:50051';
  const state = values.state ?? '';
  const v1 = loadServices();
  const credentials = grpc.credentials.createInsecure();
  const recommender = new v1.Recommender(addr, credentials);
  const catalog = new v1.Catalog(addr, credentials);
  try {
    await recommend(recommender, state);
    await badRequest(recommender);
    await listPrograms(catalog, state || 'TX');
  } finally {
    recommender.close();
    catalog.close();
  }
}

main().catch((error) => {
  console.error(`error: ${error.message}`);
  process.exitCode = 1;
});
