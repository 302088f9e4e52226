// sealed-check.mjs - what a sealed room (game/core/seal.h) must not show: the answer key of its
// plain source. Used on the web build's files (sealed.test.mjs) and on what the report server
// serves (tests/server/sealed.test.mjs).

// Every string value in a JSON document, with how often it occurs.
function strings(v, out = new Map()) {
  if (typeof v === 'string') out.set(v, (out.get(v) || 0) + 1);
  else if (Array.isArray(v)) v.forEach((x) => strings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => strings(x, out));
  return out;
}

function keys(v, out = new Set()) {
  if (Array.isArray(v)) v.forEach((x) => keys(x, out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.add(k); keys(x, out); }
  return out;
}

// The problems of one sealed room against its plain source: [] when none.
export function sealedProblems(name, plain, sealed) {
  const problems = [];
  if (!sealed.sealed || !/^[0-9a-f]{32}$/.test(sealed.sealed.salt || '')) problems.push(`${name}: not sealed`);
  for (const k of ['correct', 'answers', 'answer', 'code_part']) {
    if (keys(sealed).has(k)) problems.push(`${name}: has "${k}"`);
  }
  const inPlain = strings(plain), inSealed = strings(sealed);
  // A value of the key may also be a text the room shows (an answer learnt from an earlier
  // task): only its occurrences beyond those may not be there.
  const secret = (value, occurrences, what) => {
    const shown = (inPlain.get(value) || 0) - occurrences;
    if ((inSealed.get(value) || 0) > shown) problems.push(`${name}: ${what} '${value}' in sight`);
  };
  if (plain.code_part) secret(plain.code_part, 1, 'the code part');
  for (const p of plain.puzzles || []) {
    for (const a of p.answers || []) secret(a, p.answers.filter((x) => x === a).length, `${p.id}'s answer`);
    if (typeof p.answer === 'string') secret(p.answer, 1, `${p.id}'s code`);
    const sp = (sealed.puzzles || []).find((x) => x.id === p.id) || {};
    if (p.kind === 'use' && ('item' in sp || 'place' in sp)) problems.push(`${name}: ${p.id} names its item or place`);
    if (p.kind === 'order' && JSON.stringify((sp.steps || []).map((s) => s.id)) === JSON.stringify(p.steps.map((s) => s.id))) {
      problems.push(`${name}: ${p.id}'s steps are in their right order`);
    }
    if (p.kind === 'match') {
      if ((sp.pairs || []).some((x) => 'right' in x)) problems.push(`${name}: ${p.id} keeps a right-hand text beside its pair`);
      const ids = new Set(p.pairs.map((x) => x.id));
      if ((sp.rights || []).some((r) => ids.has(r.id))) problems.push(`${name}: ${p.id}'s right-hand ids name their pairs`);
    }
  }
  return problems;
}
