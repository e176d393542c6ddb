from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.exceptions import ValidationError
from odoo.tests import TransactionCase
from odoo.tests import tagged

from odoo.addons.smart_kids.tests.common import at
from odoo.addons.smart_kids.tests.common import checkin
from odoo.addons.smart_kids.tests.common import recent_monday

from .common import TransportCommon
from .common import van

DAY = recent_monday()


@tagged("post_install", "-at_install")
class TestVanTrip(TransactionCase, TransportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.setUpTransport()

    def _trip(self, data):
        return self.env["smart_kids.van.trip"].browse(data["id"])

    @freeze_time(at(DAY, 6, 50))
    def test_morning_trip_from_boarding_to_the_rear_code(self):
        trip = self._start()
        self.assertEqual(
            self._rider_states(trip),
            dict.fromkeys((self.child_1 | self.sister | self.mali).ids, "expected"),
        )
        trip = self._scan(trip, self.child_1.card_payload)
        self.assertEqual(trip["status"], "boarded")
        self.assertEqual(self._scan(trip, self.child_1.card_payload)["status"], "already_on_board")
        trip = self._scan(trip, self.sister.card_payload)
        self.assertEqual(trip["on_board"], 2)
        # the roster knows they are on the van, not absent
        roster = checkin(self.user_teacher, "roster", centre_id=self.centre_1.id)
        notes = {c["id"]: c["note"] for c in roster["missing"]}
        self.assertEqual(notes[self.child_1.id], "On the van Van 1")
        with self.assertRaisesRegex(ValidationError, "has not been scanned off"):
            self.env["smart_kids.absence"].with_user(self.user_teacher).create(
                {"child_id": self.sister.id, "reason": "sick", "date": DAY}
            )
        # Mali stays home today: the teacher says why, the absence is recorded
        trip = van(
            self.user_teacher,
            "van_not_boarded",
            trip_id=trip["id"],
            child_id=self.mali.id,
            reason="absent",
        )
        self.assertTrue(
            self.env["smart_kids.absence"].search(
                [("child_id", "=", self.mali.id), ("date", "=", DAY)]
            )
        )
        # the van cannot end its trip with children on board, even at the rear
        with self.assertRaisesRegex(UserError, "still on board"):
            self._scan(trip, self.rear_1)
        with freeze_time(at(DAY, 7, 40)):
            van(self.user_teacher, "van_unload", trip_id=trip["id"])
            trip = self._scan(trip, self.child_1.card_payload)
            self.assertEqual(trip["status"], "arrived")
            self._scan(trip, self.sister.card_payload)
            # ending needs the code at the back of this van, not a child's card or another van's
            with self.assertRaisesRegex(UserError, "Walk to the back"):
                self._scan(trip, self.rear_2)
            ended = self._scan(trip, self.rear_1)
        self.assertEqual(ended["state"], "ended")
        record = self._trip(trip)
        self.assertEqual(record.ended_by_id, self.user_teacher)
        attendances = self.env["smart_kids.attendance"].search(
            [("date", "=", DAY), ("centre_id", "=", self.centre_1.id)]
        )
        self.assertEqual(attendances.child_id, self.child_1 | self.sister)
        self.assertEqual(set(attendances.mapped("arrival_mode")), {"van"})
        self.assertEqual(self._rider_states(ended)[self.mali.id], "not_boarded")

    @freeze_time(at(DAY, 6, 50))
    def test_a_child_not_at_the_roadside_is_not_boarded_when_the_van_arrives(self):
        trip = self._start()
        self._scan(trip, self.child_1.card_payload)
        self._scan(trip, self.sister.card_payload)
        arrived = van(self.user_teacher, "van_unload", trip_id=trip["id"])
        self.assertEqual(self._rider_states(arrived)[self.mali.id], "not_boarded")
        roster = checkin(self.user_teacher, "roster", centre_id=self.centre_1.id)
        notes = {c["id"]: c["note"] for c in roster["missing"]}
        self.assertEqual(notes[self.mali.id], "Did not board the van")
        # the teacher can still say why
        van(
            self.user_teacher,
            "van_not_boarded",
            trip_id=trip["id"],
            child_id=self.mali.id,
            reason="guardian",
        )
        rider = self._trip(trip).rider_ids.filtered(lambda r: r.child_id == self.mali)
        self.assertEqual(rider.not_boarded_reason, "guardian")

    @freeze_time(at(DAY, 6, 50))
    def test_wrong_van_twice_and_no_riders(self):
        trip = self._start()
        with self.assertRaisesRegex(UserError, "rides Van 2 morning \\(Van 2\\), not this van"):
            self._scan(trip, self.bee.card_payload)
        with self.assertRaisesRegex(UserError, "another centre"):
            self._scan(trip, self.child_2.card_payload)
        with self.assertRaisesRegex(UserError, "not a valid Smart Kids card"):
            self._scan(trip, "garbage")
        with self.assertRaisesRegex(UserError, "already ran today"):
            self._start()
        with self.assertRaisesRegex(UserError, "still on another trip"):
            self._start(self.afternoon)
        self.assertEqual(self.env["smart_kids.van.trip"].search_count([]), 1, "nothing written")
        # a route with nobody riding today still needs the walk to the back
        self.other_morning.rider_ids = False
        empty = self._start(self.other_morning)
        self.assertFalse(empty["riders"])
        with self.assertRaisesRegex(UserError, "Walk to the back"):
            self._scan(empty, self.rear_1)
        self.assertEqual(self._scan(empty, self.rear_2)["state"], "ended")

    def test_afternoon_trip_hands_children_to_listed_adults(self):
        with freeze_time(at(DAY, 7, 50)):
            for child in self.child_1 | self.sister:
                checkin(
                    self.user_teacher,
                    "scan",
                    centre_id=self.centre_1.id,
                    payload=child.card_payload,
                )
        with freeze_time(at(DAY, 15, 0)):
            trip = self._start(self.afternoon)
            # Mali was not checked in today: not expected on the way home
            self.assertEqual(set(self._rider_states(trip)), set((self.child_1 | self.sister).ids))
            trip = self._scan(trip, self.child_1.card_payload)
            self.assertEqual(trip["status"], "boarded")
            self._scan(trip, self.sister.card_payload)
            attendance = self.env["smart_kids.attendance"].search(
                [("child_id", "=", self.child_1.id)]
            )
            self.assertEqual(attendance.collector_name, "School van Van 1")
            van(self.user_teacher, "van_unload", trip_id=trip["id"])
        with freeze_time(at(DAY, 15, 30)):
            trip = self._scan(trip, self.child_1.card_payload)
            self.assertEqual(trip["status"], "choose_collector")
            names = [c["name"] for c in trip["collect"]["collectors"]]
            self.assertIn("Grandma Bua", names)
            with self.assertRaisesRegex(UserError, "needs their name and a reason"):
                van(
                    self.user_teacher,
                    "van_drop",
                    trip_id=trip["id"],
                    child_id=self.child_1.id,
                    other_name="X",
                )
            with self.assertRaisesRegex(UserError, "not on"):
                van(
                    self.user_teacher,
                    "van_drop",
                    trip_id=trip["id"],
                    child_id=self.child_1.id,
                    pickup_id=self.env["smart_kids.child.pickup"]
                    .create({"child_id": self.bee.id, "name": "Stranger"})
                    .id,
                )
            done = van(
                self.user_teacher,
                "van_drop",
                trip_id=trip["id"],
                child_id=self.child_1.id,
                pickup_id=self.pickup.id,
            )
            self.assertEqual(done["message"], f"{self.child_1.name} was handed to Grandma Bua.")
            with self.assertRaisesRegex(UserError, "still on board"):
                self._scan(trip, self.rear_1)
            self._scan(trip, self.sister.card_payload)
            van(
                self.user_teacher,
                "van_drop",
                trip_id=trip["id"],
                child_id=self.sister.id,
                other_name="Aunt Noi",
                reason="mother phoned",
            )
            self.assertEqual(self._scan(trip, self.rear_1)["state"], "ended")
        rider = self._trip(trip).rider_ids.filtered(lambda r: r.child_id == self.sister)
        self.assertTrue(rider.collector_unauthorised)
        self.assertEqual(rider.override_reason, "mother phoned")

    @freeze_time(at(DAY, 15, 0))
    def test_afternoon_boarding_needs_the_child_at_the_centre(self):
        trip = self._start(self.afternoon)
        self.assertFalse(trip["riders"], "nobody checked in today, nobody to take home")
