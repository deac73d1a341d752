#!/usr/bin/env bash
# Sample traffic for ./run-local.sh --demo (demo policy: first response severity 1 = 2 min, 2 = 90 s,
# 3 = 5 min; resolution 10, 6 and 15 min; open around the clock). Within about three minutes it shows:
# deadlines, warnings, a breach and the page it causes, a critical page at night and its re-escalation, a
# downgrade, a hold that pauses the resolution clock only, a resolution breach (which pages nobody), an on-call
# swap through the API and the next page going to the swapped-in engineer, a vendor escalation to Microsoft with
# customer mails, and time entries on the invoice basis. It opens with a link to the live SLA board (watch the
# clocks appear, count down, pause and breach) and ends with the month's SLA report of a customer.
set -euo pipefail
token="${1:-local-dev-token}"
intake=http://127.0.0.1:8081
sla=http://127.0.0.1:8082
escalation=http://127.0.0.1:8083
auth=(-H "Authorization: Bearer $token" -H "Content-Type: application/json")
run="demo-$(date +%s)"

say() { printf '\n[demo %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
post() { curl -sS -X POST "${auth[@]}" "$1" -d "$2"; echo; }
field() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p"; }
first() { sed "s/\"$1\"/\n\"$1\"/g" | field "$1" | head -1; } # the first value of a field in a JSON text
iso() { date -u -d "$1" +%Y-%m-%dT%H:%M:%SZ; }
# A ticket's SLA clock (and its page) appear moments after intake accepted it: intake answers 202 with a
# Location and Retry-After, and sla-timer answers 404 until the clock is there. Ask again until it is.
sla_status() { # ticketId
  local out code
  for _ in $(seq 1 40); do
    out=$(curl -sS -w '\n%{http_code}' "${auth[@]}" "$sla/api/v1/tickets/$1/sla")
    code="${out##*$'\n'}"
    if [ "$code" = 200 ]; then break; fi
    sleep 0.5
  done
  echo "${out%$'\n'*}"
}
wait_for_page() { # ticketId
  for _ in $(seq 1 40); do
    curl -sS "${auth[@]}" "$escalation/api/v1/pages?state=open" | grep -q "$1" && break
    sleep 0.5
  done
}

open_ticket() { # externalId customer severity channel title openedAt
  curl -sS -X POST "${auth[@]}" "$intake/api/v1/tickets" -d "$(cat <<JSON
{"source": "demo", "externalId": "$1", "customerId": "$2", "severity": $3, "channel": "$4",
 "title": "$5", "description": "Demo ticket", "openedAt": "$6",
 "requester": {"name": "Demo Requester", "email": "requester@$2.example"}, "vendor": "MICROSOFT", "vendorService": "M365"}
JSON
)" | field ticketId
}

say "The desk's live SLA board (a read-only kiosk link, valid for a day; open it in a browser and watch):"
board=$(curl -sS -X POST "${auth[@]}" "$escalation/api/v1/board/links" -d '{"name": "Demo wall screen", "validFor": "P1D"}' | field url)
echo "  $board"

say "A severity-3 ticket from Kunde AS by e-mail; answered after 20 s: its SLA is met."
t3=$(open_ticket "$run-3" kunde-as 3 EMAIL "Printer on 2nd floor" "$(iso now)")
sla_status "$t3"

say "A severity-2 ticket from Nordic Shipping on the portal; nobody answers: warnings at 50/75/90 %, a breach at 90 s, and the breach pages on-call."
t2=$(open_ticket "$run-2" nordic-shipping 2 PORTAL "Invoices stuck in the ERP" "$(iso now)")
sla_status "$t2"

say "A severity-1 ticket by phone: the on-call engineer is paged at once, at any hour (24x7); nobody acknowledges, so it re-escalates after a minute."
t1=$(open_ticket "$run-1" kunde-as 1 PHONE "E-mail down for everyone" "$(iso now)")
wait_for_page "$t1"
curl -sS "${auth[@]}" "$escalation/api/v1/pages?state=open"; echo

say "The problem lies with Microsoft: a vendor escalation is opened; the customer is told (mail)."
esc=$(curl -sS -X POST "${auth[@]}" "$escalation/api/v1/tickets/$t1/vendor-escalations" \
  -d '{"vendor": "MICROSOFT", "vendorService": "M365", "vendorCaseReference": "2603020040001234", "openedBy": "per@biztek.example"}' | field escalationId)
echo "vendor escalation $esc"

sleep 20
say "First response on the severity-3 ticket (in time)."
post "$intake/api/v1/tickets/$t3/first-response" '{"consultant": "per@biztek.example"}'

say "Kunde AS must test the printer: the severity-3 ticket waits on the customer. The hold pauses its resolution clock (PAUSED, WAITING_ON_CUSTOMER); first response is not paused (the demo policy's pauseReasons)."
post "$intake/api/v1/tickets/$t3/hold" '{"reason": "WAITING_ON_CUSTOMER"}'
sla_status "$t3"

say "Microsoft is investigating: a status change the customer hears about."
post "$escalation/api/v1/vendor-escalations/$esc/status" '{"status": "INVESTIGATING", "message": "An engineer has been assigned and is collecting logs."}'

say "Two consultants' time entries on the escalation, each billed per started hour."
post "$escalation/api/v1/vendor-escalations/$esc/time-entries" "{\"consultant\": \"per@biztek.example\", \"startedAt\": \"$(iso '95 minutes ago')\", \"endedAt\": \"$(iso '40 minutes ago')\", \"note\": \"Call with Microsoft\"}"
post "$escalation/api/v1/vendor-escalations/$esc/time-entries" "{\"consultant\": \"kari@biztek.example\", \"startedAt\": \"$(iso '30 minutes ago')\", \"endedAt\": \"$(iso '5 minutes ago')\", \"note\": \"Log collection\"}"

say "The customer cannot give admin access: the severity-1 ticket is downgraded to 3 with a reason code."
post "$intake/api/v1/tickets/$t1/severity" '{"severity": 3, "reason": "CUSTOMER_RESOURCES_UNAVAILABLE", "note": "waiting for admin access"}'

say "An on-call swap through the API, no redeploy: whoever is on call at level 1 hands the next hour to the other engineer; the next critical page goes to the swapped-in engineer."
curl -sS "${auth[@]}" "$escalation/api/v1/oncall/now"; echo
on_call=$(curl -sS "${auth[@]}" "$escalation/api/v1/oncall/now" | first email)
swapped_in=ola@biztek.example; [ "$on_call" = "$swapped_in" ] && swapped_in=kari@biztek.example
post "$escalation/api/v1/oncall/overrides" "{\"kind\": \"swap\", \"level\": 1, \"engineer\": \"$swapped_in\", \"to\": \"$(iso '1 hour')\", \"note\": \"demo swap\"}"
t5=$(open_ticket "$run-5" fjord-helse 1 PHONE "Patient journal system unreachable" "$(iso now)")
wait_for_page "$t5"
page5=$(curl -sS "${auth[@]}" "$escalation/api/v1/pages?state=open" | sed 's/},{"pageId"/}\n{"pageId"/g' | grep "$t5")
echo "$t5 paged $(echo "$page5" | first email) (swapped in: $swapped_in)"

sleep 40
say "The swapped-in engineer acknowledges the critical page (by API here; the page mail's link opens a page for a phone)."
post "$escalation/api/v1/pages/$(echo "$page5" | first pageId)/acknowledge" "{\"acknowledgedBy\": \"$swapped_in\"}"
say "Microsoft has fixed it: the escalation is closed; the customer is told."
post "$escalation/api/v1/vendor-escalations/$esc/close" '{"closedBy": "per@biztek.example", "resolution": "Microsoft rolled back a faulty update."}'

say "The customer has tested: the severity-3 ticket's resolution clock runs again, its deadline moved by the time it waited."
post "$intake/api/v1/tickets/$t3/resume" '{}'

say "A severity-2 ticket reported late: opened 7 minutes ago. Both its deadlines have passed, so both breach at once and the first-response breach pages on-call. Then the consultant's record arrives: answered within its 90 s. The facts decide: the first-response breach is withdrawn and its page with it. The resolution breach (6 minutes, not resolved) stands, and pages nobody: only first-response breaches page on-call (a desk webhook, when configured, hears of it)."
t4=$(open_ticket "$run-4" nordic-shipping 2 PORTAL "VPN slow for the warehouse" "$(iso '7 minutes ago')")
post "$intake/api/v1/tickets/$t4/first-response" "{\"consultant\": \"kari@biztek.example\", \"respondedAt\": \"$(iso '6 minutes ago')\"}"

sleep 45
say "Where things stand (each ticket's SLA per metric: first-response and resolution):"
for t in "$t1" "$t2" "$t3" "$t4"; do sla_status "$t"; done
curl -sS "${auth[@]}" "$escalation/api/v1/pages?state=all"; echo
say "Invoice basis of Kunde AS this month (CSV; months are Europe/Oslo months, as invoices are):"
curl -sS -H "Authorization: Bearer $token" -H "Accept: text/csv" \
  "$escalation/api/v1/customers/kunde-as/invoice-basis?month=$(TZ=Europe/Oslo date +%Y-%m)"; echo
say "What Kunde AS was told: http://127.0.0.1:8084/api/v1/tickets/$t1/notifications (read the mails over IMAP 127.0.0.1:3143)."
curl -sS -H "Authorization: Bearer $token" "http://127.0.0.1:8084/api/v1/tickets/$t1/notifications"; echo
month=$(TZ=Europe/Oslo date +%Y-%m)
say "The monthly SLA report of Kunde AS for $month (provisional while the month is open; frozen three days after it ends). Summary as CSV, then a link to the printable page (valid 30 days):"
curl -sS -H "Authorization: Bearer $token" "$escalation/api/v1/reports/kunde-as/$month.csv?part=summary"; echo
report=$(curl -sS -X POST "${auth[@]}" "$escalation/api/v1/reports/kunde-as/$month/links" | field url)
echo "  $report"
echo "  (JSON: curl -H 'Authorization: Bearer $token' $escalation/api/v1/reports/kunde-as/$month)"
say "Demo traffic done. The board is still live at $board; the services keep running until Ctrl-C."
