#!/usr/bin/env python3
"""Consistency check for the blind protocol test set (run: python3 check-labels.py)."""
import json, os, re, sys, collections
D = os.path.dirname(os.path.abspath(__file__))
KINDS = {"missing-disclaimer", "missing-affiliation", "pupil-mention", "personal-data", "media-consent",
         "offensive-language", "confidential-information", "lesson-time", "online-discussion"}
errors, counts, nrules = [], collections.Counter(), 0
txts = sorted(f for f in os.listdir(D) if re.match(r"^\d\d-[a-z0-9-]+\.txt$", f))
for t in txts:
    text = open(os.path.join(D, t), encoding="utf-8").read()
    words = len(text.split())
    if not 600 <= words <= 2500: errors.append(f"{t}: {words} words")
    lp = os.path.join(D, t[:-4] + ".labels.json")
    if not os.path.exists(lp): errors.append(f"{t}: no labels file"); continue
    lab = json.load(open(lp, encoding="utf-8"))
    if lab.get("source") != t: errors.append(f"{lp}: source mismatch")
    if lab.get("language") not in ("nl", "en"): errors.append(f"{t}: bad language")
    if lab["board"] and lab["board"] not in text: errors.append(f"{t}: board not in text")
    for s in lab["schools"]:
        if s not in text: errors.append(f"{t}: school {s!r} not in text")
    if lab["disclaimer"] is not None and lab["disclaimer"] not in text:
        errors.append(f"{t}: disclaimer wording not verbatim")
    kinds, seen = set(), set()
    for r in lab["rules"]:
        if (r["article"], r["ruleId"]) in seen: errors.append(f"{t}: duplicate {r['article']}/{r['ruleId']}")
        seen.add((r["article"], r["ruleId"]))
        nrules += 1; counts[r["ruleId"]] += 1; kinds.add(r["ruleId"])
        if r["ruleId"] not in KINDS: errors.append(f"{t}: unknown ruleId {r['ruleId']}")
        if r["quote"] not in text: errors.append(f"{t}: quote not verbatim: {r['quote'][:70]!r}")
        if not r["article"]: errors.append(f"{t}: empty article")
    o = lab["options"]
    if ("missing-affiliation" in kinds) != (o["affiliationRequiresJobTitle"] is not None):
        errors.append(f"{t}: affiliationRequiresJobTitle inconsistent with rules")
    if o["mediaConsentConditions"] and "media-consent" not in kinds:
        errors.append(f"{t}: conditions without media-consent rule")
    if lab["disclaimer"] is not None and "missing-disclaimer" not in kinds:
        errors.append(f"{t}: disclaimer wording without missing-disclaimer rule")
    print(f"{t}: {words} words, {len(lab['rules'])} labels, {len(kinds)} kinds")
for f in os.listdir(D):
    if f.endswith(".labels.json") and f[:-12] + ".txt" not in txts: errors.append(f"{f}: no source txt")
print(f"protocols: {len(txts)}, rule labels: {nrules}")
for k in sorted(KINDS): print(f"  {k}: {counts[k]}")
print("ERRORS:\n  " + "\n  ".join(errors) if errors else "OK: all quotes verbatim, all ruleIds valid, every source labelled")
sys.exit(1 if errors else 0)
