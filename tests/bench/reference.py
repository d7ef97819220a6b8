#!/usr/bin/env python3
"""The benchmark's reference: exports every segment of one vendor to CSV the plain way each
vendor's documentation shows, with Python's standard library only. One request after another,
parse the JSON, write the rows; no concurrency, no retries. scripts/bench compares
`segment-browser export` with it.

    SEGMENT_BROWSER_SECRET=... reference.py --vendor launchdarkly --root http://127.0.0.1:PORT \
        --project default --environment production --page-size 50 --output out.csv

--root is the sandbox's root; each vendor's base URL is derived from it as its docs show.
The columns are the ones `segment-browser export` writes, in the same form (RFC 3339 UTC for
Unix milliseconds, lists joined with ';', true/false).
"""

import argparse
import csv
import datetime
import json
import os
import sys
import urllib.parse
import urllib.request

COLUMNS = {
    "batch": ["code", "display_name", "created_at", "updated_at"],
    "launchdarkly": ["key", "name", "description", "tags", "creationDate", "lastModifiedDate", "unbounded", "version"],
    "amperity": ["id", "name", "status"],
    "sailpoint": ["id", "name", "description", "active", "created", "modified", "owner.name"],
}
MILLIS = {"creationDate", "lastModifiedDate"}


def get_json(url, headers, data=None):
    request = urllib.request.Request(url, headers=headers, data=data)
    with urllib.request.urlopen(request) as reply:
        return json.load(reply), reply.headers


def cell(record, field):
    value = record
    for part in field.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if field in MILLIS and isinstance(value, int):
        moment = datetime.datetime.fromtimestamp(value / 1000, tz=datetime.timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (value % 1000)
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


def cursor_pages(url, headers, query, items, cursor_param, next_cursor):
    """A cursor walk: the first page without a cursor, then each page's cursor until there is none."""
    cursor = None
    while True:
        page_query = dict(query, **({cursor_param: cursor} if cursor else {}))
        body, _ = get_json(url + "?" + urllib.parse.urlencode(page_query), headers)
        yield body[items]
        cursor = next_cursor(body)
        if not cursor:
            return


def batch_pages(args, secret):
    headers = {"Authorization": "Bearer " + secret, "X-Batch-Project": args.project}
    return cursor_pages(args.root + "/2.11/segments/list", headers, {"limit": args.page_size}, "segments", "from",
                        lambda body: body.get("next_from") if body.get("has_more") else None)


def launchdarkly_pages(args, secret):
    base = args.root
    headers = {"Authorization": secret, "LD-API-Version": "20240415"}
    url = "%s/api/v2/segments/%s/%s?limit=%d" % (base, args.project, args.environment, args.page_size)
    while url:
        body, _ = get_json(url, headers)
        yield body["items"]
        nxt = body.get("_links", {}).get("next")
        url = urllib.parse.urljoin(base + "/", nxt["href"]) if nxt else None


def amperity_pages(args, secret):
    headers = {"Authorization": "Bearer " + secret, "amperity-tenant": args.tenant, "api-version": "2024-04-01"}
    # The last page has next_token "" or none at all: both end the walk.
    return cursor_pages(args.root + "/api/segments", headers, {"limit": args.page_size}, "data", "next_token",
                        lambda body: body.get("next_token"))


def sailpoint_pages(args, secret):
    form = urllib.parse.urlencode(
        {"grant_type": "client_credentials", "client_id": args.client_id, "client_secret": secret}
    ).encode()
    token, _ = get_json(args.root + "/oauth/token", {"Content-Type": "application/x-www-form-urlencoded"}, form)
    headers = {"Authorization": "Bearer " + token["access_token"]}
    base = args.root + "/v3"
    offset = 0
    total = None
    while True:
        query = {"limit": args.page_size, "offset": offset}
        if total is None:
            query["count"] = "true"
        page, reply_headers = get_json(base + "/segments?" + urllib.parse.urlencode(query), headers)
        if total is None:
            total = int(reply_headers.get("X-Total-Count", "-1"))
        yield page
        offset += len(page)
        # The docs: stop at a short page, or when the offset reaches the total.
        if len(page) < args.page_size or (total >= 0 and offset >= total):
            return


PAGES = {
    "batch": batch_pages,
    "launchdarkly": launchdarkly_pages,
    "amperity": amperity_pages,
    "sailpoint": sailpoint_pages,
}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vendor", required=True, choices=sorted(PAGES))
    parser.add_argument("--root", required=True)
    parser.add_argument("--page-size", type=int, required=True)
    parser.add_argument("--project")
    parser.add_argument("--environment")
    parser.add_argument("--tenant")
    parser.add_argument("--client-id")
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    args.root = args.root.rstrip("/")
    secret = os.environ.get("SEGMENT_BROWSER_SECRET", "")
    if not secret:
        sys.exit("reference.py: set SEGMENT_BROWSER_SECRET")
    columns = COLUMNS[args.vendor]
    with open(args.output, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(columns)
        for records in PAGES[args.vendor](args, secret):
            writer.writerows([cell(r, c) for c in columns] for r in records)


if __name__ == "__main__":
    main()
