import QtQuick
import QtTest
import Outward

// Recovery with the recovery code, in the real window: from the unlock screen, "Forgot your
// passphrase?" leads to the recovery page; a wrong code is refused with a message and the profile
// stays locked; the right code with a new passphrase unlocks, and after a lock only the new
// passphrase opens the profile.
Item {
    id: root
    width: 390
    height: 844

    readonly property string passphrase: "amber kettle orbit lantern"
    readonly property string newPassphrase: "copper meadow violin harbour"
    property string recoveryCode: ""

    Component { id: mainComponent; Main { width: 390; height: 844 } }

    TestCase {
        name: "Recover"
        when: windowShown

        function initTestCase() {
            compare(Session.state, Session.NoProfile)
            Session.createProfile(root.passphrase, root.passphrase)
            tryCompare(Session, "state", Session.ShowingRecoveryCode, 15000)
            // Shown once: kept here as a person writes it down.
            root.recoveryCode = Session.pendingRecoveryCode
            verify(root.recoveryCode.length > 0)
            const code = root.recoveryCode
            verify(Session.confirmRecoveryCodeSaved(code.substring(code.lastIndexOf("-") + 1)))
            tryCompare(Session, "state", Session.Unlocked, 15000)
        }

        function tap(item, what) {
            verify(item, "found: " + what)
            verify(item.visible, "visible: " + what)
            verify(item.enabled, "enabled: " + what)
            mouseClick(item)
        }

        // The PassphraseFields under `item`, in the order they are laid out.
        function passphraseFields(item) {
            let found = []
            for (let i = 0; i < item.children.length; ++i) {
                const child = item.children[i]
                if (child.field !== undefined && child.placeholderText !== undefined && child.accepted !== undefined)
                    found.push(child)
                else
                    found = found.concat(passphraseFields(child))
            }
            return found
        }

        // A different code of the same shape: every character moved on by one in the code's
        // alphabet (Crockford base32), so it is well-formed but not the code.
        function wrongCode(code) {
            const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
            let out = ""
            for (const c of code.toUpperCase()) {
                const at = alphabet.indexOf(c)
                out += at < 0 ? c : alphabet[(at + 1) % alphabet.length]
            }
            return out
        }

        function lockPage(window) {
            const lockLoader = findChild(window.contentItem, "lockLoader")
            tryVerify(() => lockLoader.item !== null && lockLoader.status === Loader.Ready)
            waitForRendering(lockLoader.item, 300)
            return lockLoader.item
        }

        function test_1_forgotPassphraseThenRecover() {
            Session.lock()
            tryCompare(Session, "state", Session.Locked)
            const window = createTemporaryObject(mainComponent, root)
            verify(window)

            // The unlock screen offers the way out.
            let page = lockPage(window)
            verify(findChild(page, "unlockButton"))
            tap(findChild(page, "forgotPassphrase"), "Forgot your passphrase?")
            tryVerify(() => findChild(lockPage(window), "recoverButton") !== null, 3000, "the recovery page is shown")
            page = lockPage(window)
            compare(findChild(page, "unlockButton"), null)

            const codeField = findChild(page, "recoveryCode")
            const button = findChild(page, "recoverButton")
            const fields = passphraseFields(page)
            compare(fields.length, 2)
            verify(!button.enabled) // nothing typed yet

            // A wrong code: refused with a message, still locked, nothing typed is lost.
            codeField.text = wrongCode(root.recoveryCode)
            fields[0].text = root.newPassphrase
            fields[1].text = root.newPassphrase
            tap(button, "Recover and unlock")
            tryVerify(() => !Session.busy && Session.error.length > 0, 15000, "a wrong code is reported")
            compare(Session.state, Session.Locked)
            const error = findChild(page, "sessionError")
            verify(error.visible)
            verify(error.text.length > 0)
            compare(codeField.text, wrongCode(root.recoveryCode))
            compare(fields[0].text, root.newPassphrase)

            // The right code with the new passphrase opens the profile.
            codeField.text = root.recoveryCode
            tap(button, "Recover and unlock")
            tryCompare(Session, "state", Session.Unlocked, 15000)
            compare(Session.error, "")
            const shellLoader = findChild(window.contentItem, "shellLoader")
            tryVerify(() => shellLoader.item !== null && shellLoader.visible)
        }

        function test_2_onlyTheNewPassphraseUnlocks() {
            compare(Session.state, Session.Unlocked)
            const window = createTemporaryObject(mainComponent, root)
            Session.lock()
            tryCompare(Session, "state", Session.Locked)
            // After a lock the unlock screen is back, not the recovery page.
            const page = lockPage(window)
            const field = findChild(page, "unlockPassphrase")
            const button = findChild(page, "unlockButton")
            verify(field && button)

            field.text = root.passphrase
            tap(button, "Unlock with the old passphrase")
            tryVerify(() => !Session.busy && Session.error.length > 0, 15000, "the old passphrase is refused")
            compare(Session.state, Session.Locked)
            verify(findChild(page, "sessionError").visible)

            field.text = root.newPassphrase
            tap(button, "Unlock with the new passphrase")
            tryCompare(Session, "state", Session.Unlocked, 15000)
        }
    }
}
