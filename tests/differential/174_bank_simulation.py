"""An object-oriented simulation: accounts, transactions, custom exceptions, class hierarchy, ledger totals."""


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__("%s cannot pay %d (balance %d)" % (account.owner, amount, account.balance))
        self.amount = amount


class Account:
    fee = 0

    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("in", amount))

    def withdraw(self, amount):
        total = amount + self.fee
        if total > self.balance:
            raise InsufficientFunds(self, total)
        self.balance -= total
        self.history.append(("out", total))

    def __repr__(self):
        return "%s(%s, %d)" % (type(self).__name__, self.owner, self.balance)


class Premium(Account):
    fee = 1

    def withdraw(self, amount):
        if amount > 1000:
            amount -= 5
        super().withdraw(amount)


def transfer(src, dst, amount):
    src.withdraw(amount)
    try:
        dst.deposit(amount)
    except ValueError:
        src.deposit(amount)
        raise


def main():
    accounts = [Account("ann", 100), Premium("bob", 5000), Account("cy")]
    failures = []
    for i in range(60):
        src = accounts[i % 3]
        dst = accounts[(i + 1) % 3]
        try:
            transfer(src, dst, (i * 37) % 400)
        except InsufficientFunds as e:
            failures.append(e.amount)
        except ValueError as e:
            failures.append(str(e))
    print(accounts, sum(a.balance for a in accounts), len(failures), failures[:5])
    print([len(a.history) for a in accounts], accounts[1].history[:3])


main()
main()  # again: the second run goes through code compiled during the first
